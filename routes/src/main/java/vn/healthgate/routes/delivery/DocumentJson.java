package vn.healthgate.routes.delivery;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How a portal document is kept in the outbox (JSON) and compared (SHA-256 of its fields). */
public final class DocumentJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private DocumentJson() {}

  public static String write(PortalDocument document) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("kind", document.kind().name());
    json.put("facilityCode", document.facilityCode());
    json.put("businessKey", document.businessKey());
    json.put("operation", document.operation());
    json.put("fields", document.fields());
    json.put("warnings", document.warnings());
    try {
      return JSON.writeValueAsString(json);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public static PortalDocument read(String text) {
    try {
      Map<String, Object> json = JSON.readValue(text, new TypeReference<LinkedHashMap<String, Object>>() {});
      @SuppressWarnings("unchecked")
      Map<String, String> fields = (Map<String, String>) json.get("fields");
      @SuppressWarnings("unchecked")
      List<String> warnings = (List<String>) json.get("warnings");
      return new PortalDocument(DocumentKind.valueOf((String) json.get("kind")), (String) json.get("facilityCode"),
          (String) json.get("businessKey"), (String) json.get("operation"), fields, warnings);
    } catch (IOException e) {
      throw new IllegalStateException("unreadable outbox payload", e);
    }
  }

  /** SHA-256 of the fields alone: two submissions with equal hashes carry the same content. */
  public static String hash(PortalDocument document) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(JSON.writeValueAsString(document.fields()).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (IOException | NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
