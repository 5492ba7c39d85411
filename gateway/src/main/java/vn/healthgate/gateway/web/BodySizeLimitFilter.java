package vn.healthgate.gateway.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.healthgate.routes.error.ErrorCode;

/** Refuses request bodies over {@code gateway.max-body-size} with 413: by Content-Length up front, or while reading a chunked body. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
public class BodySizeLimitFilter extends OncePerRequestFilter {
  private final long limit;
  private final ObjectMapper json;

  public BodySizeLimitFilter(@Value("${gateway.max-body-size:1MB}") DataSize limit, ObjectMapper json) {
    this.limit = limit.toBytes();
    this.json = json;
  }

  /** Thrown while reading a body past the limit; mapped to 413 by the exception handlers. */
  public static final class BodyTooLargeException extends IOException {
    BodyTooLargeException() {
      super("request body too large");
    }
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
    if (request.getContentLengthLong() > limit) {
      ProblemResponses.write(response, json, ErrorCode.BODY_TOO_LARGE, request);
      return;
    }
    chain.doFilter(new LimitedRequest(request, limit), response);
  }

  private static final class LimitedRequest extends HttpServletRequestWrapper {
    private final long limit;
    private ServletInputStream stream;

    LimitedRequest(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        ServletInputStream inner = super.getInputStream();
        stream = new ServletInputStream() {
          private long read;

          @Override
          public int read() throws IOException {
            int b = inner.read();
            if (b >= 0 && ++read > limit) {
              throw new BodyTooLargeException();
            }
            return b;
          }

          @Override
          public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = inner.read(buffer, offset, length);
            if (n > 0 && (read += n) > limit) {
              throw new BodyTooLargeException();
            }
            return n;
          }

          @Override
          public boolean isFinished() {
            return inner.isFinished();
          }

          @Override
          public boolean isReady() {
            return inner.isReady();
          }

          @Override
          public void setReadListener(ReadListener listener) {
            inner.setReadListener(listener);
          }
        };
      }
      return stream;
    }
  }
}
