package vn.healthgate.routes.fhir;

import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.healthgate.routes.error.ErrorCode;
import vn.healthgate.routes.error.GatewayException;

/**
 * The mappers' last line: a resource shaped in a way the mapping did not foresee (it reads only what the client sent)
 * is the client's {@code 422 GW-FHIR-INVALID} naming the resource type, not a 500. Logged with the exception's class
 * and where it happened, never its message or the resource (personal data), so the mapping can be taught the case.
 */
final class UnusableResource {
  private static final Logger LOG = LoggerFactory.getLogger(UnusableResource.class);

  private UnusableResource() {}

  static GatewayException of(String resourceType, RuntimeException failure) {
    String where = Arrays.stream(failure.getStackTrace()).filter(f -> f.getClassName().startsWith("vn.healthgate.")).findFirst()
        .map(f -> f.getClassName() + "." + f.getMethodName() + ":" + f.getLineNumber()).orElse("?");
    LOG.warn("a {} the mapping did not foresee: {} at {}; answered {}", resourceType, failure.getClass().getName(), where, ErrorCode.FHIR_REQUEST_INVALID.code());
    return new GatewayException(ErrorCode.FHIR_REQUEST_INVALID, resourceType, null, failure);
  }
}
