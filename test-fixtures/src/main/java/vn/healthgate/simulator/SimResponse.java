package vn.healthgate.simulator;

/** What a simulator handler answers: an HTTP status and a JSON body. */
public record SimResponse(int status, Object body) {

  public static SimResponse ok(Object body) {
    return new SimResponse(200, body);
  }
}
