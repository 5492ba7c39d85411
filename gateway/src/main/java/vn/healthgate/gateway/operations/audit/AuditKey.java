package vn.healthgate.gateway.operations.audit;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret that keys the audit chain and signs its checkpoints: the whole content of a file kept outside the database, at least
 * {@value #MIN_BYTES} random bytes. Its id (the first 8 hex digits of its SHA-256) is stored with every entry it signed, so a key
 * can be rotated while older entries stay verifiable with the retired key.
 */
public final class AuditKey {
  public static final int MIN_BYTES = 32;
  private static final String HMAC = "HmacSHA256";

  private final SecretKeySpec secret;
  private final String id;

  private AuditKey(byte[] bytes) {
    this.secret = new SecretKeySpec(bytes, HMAC);
    this.id = sha256(bytes).substring(0, 8);
  }

  /** A key from its bytes (at least {@value #MIN_BYTES}). */
  public static AuditKey of(byte[] bytes) {
    if (bytes.length < MIN_BYTES) {
      throw new IllegalArgumentException("an audit key needs at least " + MIN_BYTES + " bytes, not " + bytes.length);
    }
    return new AuditKey(bytes.clone());
  }

  /** Reads the key file; fails with a one-line reason when it is missing, unreadable or too short. */
  public static AuditKey read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new IllegalStateException("the audit key file " + file + " does not exist");
    } catch (IOException | SecurityException e) {
      throw new IllegalStateException("the audit key file " + file + " cannot be read (" + e.getClass().getSimpleName() + ")");
    }
    if (bytes.length < MIN_BYTES) {
      throw new IllegalStateException("the audit key file " + file + " holds " + bytes.length + " bytes; at least " + MIN_BYTES + " random bytes are needed");
    }
    return new AuditKey(bytes);
  }

  /** Reads the key file, first creating it with {@value #MIN_BYTES} random bytes (mode 0600 where the file system has modes) if it does not exist. */
  public static AuditKey readOrCreate(Path file) {
    if (!Files.exists(file)) {
      byte[] bytes = new byte[MIN_BYTES];
      new SecureRandom().nextBytes(bytes);
      try {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }
        boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
        FileAttribute<?>[] ownerOnly = posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
            : new FileAttribute<?>[0];
        try (SeekableByteChannel channel = Files.newByteChannel(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.SYNC),
            ownerOnly)) {
          channel.write(ByteBuffer.wrap(bytes));
        }
      } catch (FileAlreadyExistsException e) {
        // another process created it first: use that one
      } catch (IOException e) {
        throw new IllegalStateException("the audit key file " + file + " cannot be created (" + e.getClass().getSimpleName() + ")");
      }
    }
    return read(file);
  }

  /** The first 8 hex digits of the key's SHA-256: names the key in entries and checkpoints without revealing it. */
  public String id() {
    return id;
  }

  /** HMAC-SHA256 of the text's UTF-8 bytes, in lower-case hex. */
  String mac(String text) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(secret);
      return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return "AuditKey[" + id + "]";
  }
}
