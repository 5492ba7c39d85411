package vn.healthgate.gateway.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import vn.healthgate.routes.error.ErrorCode;

/**
 * The container's error page ({@code /error}, replacing Spring Boot's): an error some component
 * reported by status only is answered in the catalogue's format for the path that failed. Only
 * error dispatches reach it; a request for {@code /error} itself is refused by the security rules.
 */
@Controller
class ErrorPageController implements ErrorController {

  @RequestMapping("/error")
  void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    ErrorCode code = status instanceof Integer s ? ProblemResponses.forStatus(s) : ErrorCode.NOT_FOUND;
    response.resetBuffer();
    ProblemResponses.write(new OriginalRequest(request), response, code);
  }

  /** The request as it was before the error dispatch: its path decides the format and is the problem's {@code instance}. */
  private static final class OriginalRequest extends jakarta.servlet.http.HttpServletRequestWrapper {
    OriginalRequest(HttpServletRequest request) {
      super(request);
    }

    @Override
    public String getServletPath() {
      Object uri = getRequest().getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
      return uri instanceof String s ? s : super.getServletPath();
    }

    @Override
    public String getPathInfo() {
      return getRequest().getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String ? null : super.getPathInfo();
    }
  }
}
