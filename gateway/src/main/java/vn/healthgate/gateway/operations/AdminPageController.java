package vn.healthgate.gateway.operations;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.healthgate.gateway.config.GatewayProperties;

/**
 * The admin page ({@code /admin}: static HTML and script over the admin API, no CDN, works offline)
 * and, in the default run only, its sign-in page (the sign-in itself: {@code security.AdminSignIn}).
 * In production admins reach it on the HTTPS port with their admin certificate.
 */
@RestController
class AdminPageController {
  private final GatewayProperties properties;

  AdminPageController(GatewayProperties properties) {
    this.properties = properties;
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

  private static ResponseEntity<byte[]> html(String resource) throws IOException {
    byte[] body = new ClassPathResource(resource).getContentAsByteArray();
    return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'")
        .header(HttpHeaders.CACHE_CONTROL, "no-store").body(body);
  }
}
