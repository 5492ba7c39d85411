package vn.healthgate.gateway.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.healthgate.gateway.config.GatewayProperties;

/**
 * The admin page ({@code /admin}: static HTML and script over the admin API, no CDN, works offline)
 * and, in the default run only, its sign-in with the development admin key, which opens a browser
 * session. In production admins reach it on the HTTPS port with their admin certificate.
 */
@RestController
class AdminPageController {
  private final GatewayProperties properties;

  AdminPageController(GatewayProperties properties) {
    this.properties = properties;
  }

  /** Paths under {@code /admin} anyone may load: the sign-in page and the page's static assets. */
  static boolean publicPath(String path) {
    return path.equals("/admin/login") || path.startsWith("/admin/assets/");
  }

  @GetMapping({"/admin", "/admin/"})
  ResponseEntity<byte[]> page() throws IOException {
    return html("static/admin/index.html");
  }

  @GetMapping("/admin/login")
  ResponseEntity<byte[]> loginPage() throws IOException {
    if (!properties.devApiKeys()) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN)
          .body("Sign in with your admin certificate on the HTTPS port.".getBytes(StandardCharsets.UTF_8));
    }
    return html("static/admin/login.html");
  }

  @PostMapping(path = "/admin/login", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  ResponseEntity<Void> login(@RequestParam(name = "key", defaultValue = "") String key, HttpServletRequest request) {
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
    request.getSession(true).setAttribute(FacilityAuthFilter.ADMIN_SESSION, Boolean.TRUE);
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

  private static ResponseEntity<byte[]> html(String resource) throws IOException {
    byte[] body = new ClassPathResource(resource).getContentAsByteArray();
    return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'")
        .header(HttpHeaders.CACHE_CONTROL, "no-store").body(body);
  }
}
