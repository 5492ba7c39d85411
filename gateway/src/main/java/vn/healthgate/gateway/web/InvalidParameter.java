package vn.healthgate.gateway.web;

import java.util.List;
import vn.healthgate.routes.error.ErrorCode;
import vn.healthgate.routes.error.GatewayException;

/** {@code 400 GW-PARAMETER-INVALID} for an enumerated parameter: the problem names the parameter and lists the values it takes. */
public final class InvalidParameter extends GatewayException {
  private final List<String> allowed;

  public InvalidParameter(String parameter, List<String> allowed) {
    super(ErrorCode.PARAMETER_INVALID, parameter);
    this.allowed = List.copyOf(allowed);
  }

  public List<String> allowed() {
    return allowed;
  }
}
