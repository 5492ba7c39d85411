package vn.healthgate.certs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The sample documents of {@code src/test/resources/samples}: an XML 0 check-in notice and a driver certificate's {@code <root>}. */
public final class Samples {
  private Samples() {}

  public static byte[] checkIn() {
    return read("check-in.xml");
  }

  public static byte[] driverCertificate() {
    return read("driver-certificate.xml");
  }

  private static byte[] read(String name) {
    try (InputStream in = Samples.class.getResourceAsStream("/samples/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
