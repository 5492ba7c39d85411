package vn.healthgate.gateway.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.healthgate.gateway.config.GatewayProperties;

/**
 * The development admin page's sign-in with the development admin key: a new session holding an
 * ADMIN caller (Spring Security reloads it on each request). Production admins present their
 * admin certificate on the HTTPS port instead, and this sign-in refuses every key.
 */
@RestController
class AdminSignIn {
  private final GatewayProperties properties;
  private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

  AdminSignIn(GatewayProperties properties) {
    this.properties = properties;
  }

  @PostMapping(path = "/admin/login", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  ResponseEntity<Void> login(@RequestParam(name = "key", defaultValue = "") String key, HttpServletRequest request, HttpServletResponse response) {
    String adminKey = properties.adminApiKey();
    boolean valid = properties.devApiKeys() && adminKey != null && !adminKey.isBlank()
        && MessageDigest.isEqual(adminKey.getBytes(StandardCharsets.UTF_8), key.trim().getBytes(StandardCharsets.UTF_8));
    if (!valid) {
      return redirect("/admin/login?failed");
    }
    HttpSession old = request.getSession(false);
    if (old != null) {
      old.invalidate();
    }
    request.getSession(true);
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(new CallerAuthentication(Caller.admin("development admin page", "session")));
    sessions.saveContext(context, request, response);
    return redirect("/admin");
  }

  @PostMapping("/admin/logout")
  ResponseEntity<Void> logout(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    return redirect(properties.devApiKeys() ? "/admin/login" : "/admin");
  }

  private static ResponseEntity<Void> redirect(String location) {
    return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, location).build();
  }
}
