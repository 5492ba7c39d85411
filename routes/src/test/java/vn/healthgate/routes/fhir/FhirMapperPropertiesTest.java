package vn.healthgate.routes.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CoverageEligibilityRequest;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Resource;
import vn.healthgate.routes.delivery.CertificateValidator;
import vn.healthgate.routes.delivery.CheckInValidator;
import vn.healthgate.routes.eligibility.EligibilityValidator;
import vn.healthgate.routes.error.GatewayException;

/**
 * The valid sample resources of {@link FhirMappersTest} with up to three of their elements removed or replaced by an
 * empty object, array or string, a number, null or "NaN": whatever HAPI still parses is mapped and validated, or
 * refused with a catalogue code naming a field, never with another exception (a 500 at the server).
 */
class FhirMapperPropertiesTest {
  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T03:00:00Z"), ZoneOffset.UTC);
  private static final List<String> REPLACEMENTS = List.of("<remove>", "{}", "[]", "\"\"", "5", "null", "\"NaN\"", "[{}]", "[\"\"]");

  private final FhirDocumentMapper documents = new FhirDocumentMapper();
  private final FhirEligibilityMapper eligibility = new FhirEligibilityMapper();
  private final CheckInValidator checkIns = new CheckInValidator(CLOCK, (facility, cccd) -> Optional.empty());
  private final CertificateValidator certificates = new CertificateValidator(CLOCK, code -> "Bệnh viện");
  private final EligibilityValidator eligibilities = new EligibilityValidator(CLOCK);

  record Edit(int pointer, String replacement) {}

  @Provide
  Arbitrary<List<Edit>> edits() {
    return Arbitraries.integers().between(0, 10_000).flatMap(p -> Arbitraries.of(REPLACEMENTS).map(r -> new Edit(p, r))).list().ofMinSize(1).ofMaxSize(3);
  }

  @Property(tries = 300)
  void aDamagedEncounterIsMappedOrRefusedWithACode(@ForAll("edits") List<Edit> edits) {
    Encounter encounter = damaged(FhirMappersTest.encounter(), edits, Encounter.class);
    if (encounter != null) {
      onlyCodedRefusals(() -> checkIns.validate(documents.checkIn(encounter)));
    }
  }

  @Property(tries = 300)
  void aDamagedCertificateBundleIsMappedOrRefusedWithACode(@ForAll("edits") List<Edit> edits) {
    Bundle bundle = damaged(FhirMappersTest.certificate(), edits, Bundle.class);
    if (bundle != null) {
      onlyCodedRefusals(() -> certificates.validate(documents.certificate(bundle), "ADD"));
    }
  }

  @Property(tries = 300)
  void aDamagedEligibilityRequestIsMappedOrRefusedWithACode(@ForAll("edits") List<Edit> edits) {
    CoverageEligibilityRequest request = damaged(FhirMappersTest.eligibilityRequest(), edits, CoverageEligibilityRequest.class);
    if (request != null) {
      onlyCodedRefusals(() -> eligibilities.validate(eligibility.toRequest(request)));
    }
  }

  private static void onlyCodedRefusals(Runnable mapAndValidate) {
    try {
      mapAndValidate.run();
    } catch (GatewayException e) {
      assertThat(e.errorCode().httpStatus()).isBetween(400, 499);
      assertThat(e.field()).isPresent();
    }
  }

  /** The resource with the edits applied, as HAPI parses it; null when HAPI refuses the body (the server answers 400). */
  private static <T extends Resource> T damaged(Resource sample, List<Edit> edits, Class<T> type) {
    try {
      JsonNode body = JSON.readTree(FHIR.newJsonParser().encodeResourceToString(sample));
      for (Edit edit : edits) {
        List<String> pointers = new ArrayList<>();
        collect(body, "", pointers);
        if (pointers.isEmpty()) {
          break;
        }
        apply(body, pointers.get(edit.pointer() % pointers.size()), edit.replacement());
      }
      String text = JSON.writeValueAsString(body);
      try {
        return FHIR.newJsonParser().parseResource(type, text);
      } catch (RuntimeException refusedByHapi) {
        return null;
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void collect(JsonNode node, String pointer, List<String> pointers) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (!(pointer.isEmpty() && field.getKey().equals("resourceType"))) {
          pointers.add(pointer + "/" + field.getKey());
        }
        collect(field.getValue(), pointer + "/" + field.getKey(), pointers);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        pointers.add(pointer + "/" + i);
        collect(node.get(i), pointer + "/" + i, pointers);
      }
    }
  }

  private static void apply(JsonNode body, String pointer, String replacement) throws IOException {
    int slash = pointer.lastIndexOf('/');
    JsonNode parent = body.at(pointer.substring(0, slash));
    String name = pointer.substring(slash + 1);
    JsonNode value = replacement.equals("<remove>") ? null : JSON.readTree(replacement);
    if (parent instanceof ArrayNode array) {
      int index = Integer.parseInt(name);
      if (value == null) {
        array.remove(index);
      } else {
        array.set(index, value);
      }
    } else if (parent instanceof ObjectNode object) {
      if (value == null) {
        object.remove(name);
      } else {
        object.set(name, value);
      }
    }
  }
}
