package vn.healthgate.gateway.operations.audit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.util.ContentCachingResponseWrapper;
import vn.healthgate.gateway.web.ProblemResponses;

/**
 * The answer held in memory until its audit entry is committed. An error a component reports by
 * status only ({@code sendError}) is written here as the catalogue's document for that status, so
 * it is held like any other answer instead of going to the container's error page.
 */
final class HeldResponse extends ContentCachingResponseWrapper {
  private final HttpServletRequest request;

  HeldResponse(HttpServletResponse response, HttpServletRequest request) {
    super(response);
    this.request = request;
  }

  @Override
  public void sendError(int status) throws IOException {
    resetBuffer();
    ProblemResponses.write(request, this, ProblemResponses.forStatus(status));
  }

  @Override
  public void sendError(int status, String message) throws IOException {
    sendError(status);
  }

  /** An error answered with no body at all (some library endpoints do) gets the catalogue's document for its status. */
  void documentAnEmptyError() throws IOException {
    if (getStatus() >= 400 && getContentSize() == 0 && !"HEAD".equals(request.getMethod()) && !isCommitted()) {
      ProblemResponses.write(request, this, ProblemResponses.forStatus(getStatus()));
    }
  }
}
