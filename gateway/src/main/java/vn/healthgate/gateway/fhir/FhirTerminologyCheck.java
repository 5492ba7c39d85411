package vn.healthgate.gateway.fhir;

import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Property;
import org.hl7.fhir.r4.model.Resource;
import vn.healthgate.routes.error.ErrorCode;
import vn.healthgate.routes.error.GatewayException;
import vn.healthgate.routes.fhir.FhirTerminology;

/**
 * Checks an incoming resource's codings against the project's served code systems: a code that one of our complete
 * systems does not list is {@code 422 GW-FIELD-FORMAT} with the FHIRPath of the coding's code in {@code expression}
 * ({@code Encounter.type[0].coding[0].code}). Codings of other systems are left to the field rules.
 */
public final class FhirTerminologyCheck {
  private static final int MAX_DEPTH = 32;
  private final FhirTerminology terminology;

  public FhirTerminologyCheck(FhirTerminology terminology) {
    this.terminology = terminology;
  }

  public void check(Resource resource) {
    if (resource != null) {
      walk(resource, resource.fhirType(), 0);
    }
  }

  private void walk(Base element, String path, int depth) {
    if (depth > MAX_DEPTH) {
      return;
    }
    if (element instanceof Coding coding && coding.hasSystem() && coding.hasCode() && terminology.unknownCode(coding.getSystem(), coding.getCode())) {
      throw new GatewayException(ErrorCode.FIELD_FORMAT, path + ".code");
    }
    for (Property property : element.children()) {
      int index = 0;
      boolean many = property.isList();
      for (Base child : property.getValues()) {
        if (child != null) {
          String name = property.getName().replace("[x]", "");
          walk(child, path + "." + name + (many ? "[" + index + "]" : ""), depth + 1);
        }
        index++;
      }
    }
  }
}
