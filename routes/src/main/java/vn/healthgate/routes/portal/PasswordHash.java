package vn.healthgate.routes.portal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The portal wants account passwords as MD5 in upper-case hex (its choice, not ours). */
public final class PasswordHash {
  private PasswordHash() {}

  public static String md5UpperHex(String password) {
    try {
      return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("MD5").digest(password.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is part of every JDK", e);
    }
  }
}
