package vn.healthgate.gateway.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Collections;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import vn.healthgate.routes.error.ErrorCode;
import vn.healthgate.routes.error.GatewayException;

/**
 * A query parameter the REST endpoint does not take is refused, {@code 400 GW-PARAMETER-INVALID}
 * naming it, before anything else is done: a misspelt filter ({@code facility=} for
 * {@code facilityCode=}) would otherwise list everything instead of what was meant.
 */
@Configuration(proxyBeanMethods = false)
class KnownParameters implements WebMvcConfigurer {

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new Check()).addPathPatterns("/api/**");
  }

  /** Compares the request's parameter names with the handler's {@code @RequestParam}s. */
  static final class Check implements HandlerInterceptor {
    private final ConcurrentHashMap<HandlerMethod, Set<String>> known = new ConcurrentHashMap<>();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
      if (!(handler instanceof HandlerMethod method)) {
        return true;
      }
      Set<String> names = known.computeIfAbsent(method, Check::parameterNames);
      for (String name : Collections.list(request.getParameterNames())) {
        if (!names.contains(name)) {
          throw new GatewayException(ErrorCode.PARAMETER_INVALID, shown(name));
        }
      }
      return true;
    }

    /** The name as the problem shows it: a number someone typed as a name masked, at most 64 characters. */
    private static String shown(String name) {
      String masked = RequestPaths.masked(name);
      return masked.length() <= 64 ? masked : masked.substring(0, 64) + "…";
    }

    private static Set<String> parameterNames(HandlerMethod method) {
      return Arrays.stream(method.getMethodParameters()).filter(p -> p.hasParameterAnnotation(RequestParam.class)).map(Check::name)
          .collect(Collectors.toUnmodifiableSet());
    }

    private static String name(MethodParameter parameter) {
      RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
      if (annotation != null && !annotation.name().isEmpty()) {
        return annotation.name();
      }
      return parameter.getExecutable().getParameters()[parameter.getParameterIndex()].getName();
    }
  }
}
