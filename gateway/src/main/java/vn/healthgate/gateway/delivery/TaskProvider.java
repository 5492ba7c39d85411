package vn.healthgate.gateway.delivery;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Task;
import vn.healthgate.gateway.fhir.FhirErrors;
import vn.healthgate.routes.delivery.DocumentKind;
import vn.healthgate.routes.delivery.Submission;
import vn.healthgate.routes.error.ErrorCode;
import vn.healthgate.routes.error.GatewayException;
import vn.healthgate.routes.fhir.FhirIdentifiers;
import vn.healthgate.routes.fhir.FhirReadBack;

/**
 * {@code /fhir/Task}: the delivery of each submission to the portal, with the submission's id ({@code Task/<id>} for
 * {@code Encounter/<id>} or {@code Bundle/<id>}); read, and search by {@code focus}, {@code identifier} and {@code _id}.
 * It stays readable after the retention job purged the document's body.
 */
final class TaskProvider implements IResourceProvider {
  private final DocumentProviders.Context context;

  TaskProvider(DocumentProviders.Context context) {
    this.context = context;
  }

  @Override
  public Class<? extends IBaseResource> getResourceType() {
    return Task.class;
  }

  @Read
  public Task read(@IdParam IdType id, RequestDetails details) {
    return FhirReadBack.task(DocumentProviders.own(context, null, id, details));
  }

  /**
   * {@code focus=Encounter/<id>} (or {@code Bundle/<id>}); {@code identifier} with the submission id
   * ({@code …/sid/submission}), the episode id ({@code …/sid/ma-lk}) or the certificate number ({@code …/sid/so-gksk}).
   */
  @Search
  public List<Task> search(@OptionalParam(name = "_id") TokenParam id, @OptionalParam(name = Task.SP_FOCUS) ReferenceParam focus,
      @OptionalParam(name = Task.SP_IDENTIFIER) TokenParam identifier, @Count Integer count, RequestDetails details) {
    String submissionId = id == null ? null : id.getValue();
    DocumentKind kind = null;
    String key = null;
    if (focus != null) {
      String type = focus.getResourceType();
      if (type != null && !type.equals("Encounter") && !type.equals("Bundle")) {
        throw FhirErrors.exception(new GatewayException(ErrorCode.PARAMETER_INVALID, "focus"));
      }
      kind = type == null ? null : type.equals("Encounter") ? DocumentKind.CHECK_IN : DocumentKind.CERTIFICATE;
      submissionId = same(submissionId, focus.getIdPart());
    }
    if (identifier != null) {
      String system = identifier.getSystem() == null ? "" : identifier.getSystem();
      switch (system) {
        case FhirIdentifiers.SUBMISSION_ID -> submissionId = same(submissionId, identifier.getValue());
        case FhirIdentifiers.EPISODE_ID -> {
          kind = sameKind(kind, DocumentKind.CHECK_IN);
          key = identifier.getValue();
        }
        case FhirIdentifiers.CERTIFICATE_NUMBER -> {
          kind = sameKind(kind, DocumentKind.CERTIFICATE);
          key = identifier.getValue();
        }
        default -> throw FhirErrors.exception(new GatewayException(ErrorCode.PARAMETER_INVALID, "identifier"));
      }
    }
    if (submissionId != null && submissionId.isEmpty()) {
      return List.of();
    }
    List<Submission> rows = context.outbox().search(kind, DocumentProviders.caller(details), submissionId, key, null, null,
        DocumentProviders.count(count));
    return rows.stream().map(FhirReadBack::task).toList();
  }

  /** Two criteria on the id: equal, or nothing can match (the empty string). */
  private static String same(String a, String b) {
    return a == null || a.equals(b) ? b : "";
  }

  private static DocumentKind sameKind(DocumentKind a, DocumentKind b) {
    if (a != null && a != b) {
      throw FhirErrors.exception(new GatewayException(ErrorCode.PARAMETER_INVALID, "identifier"));
    }
    return b;
  }
}
