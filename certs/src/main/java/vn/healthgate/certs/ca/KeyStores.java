package vn.healthgate.certs.ca;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** PKCS#12 key stores: one private key with its chain under one alias. Passwords come from the caller (configuration, environment), never from code. */
public final class KeyStores {
  public static final String ALIAS = "signing";

  private KeyStores() {}

  public static void save(Path file, IssuedCredential credential, char[] password) {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      List<Certificate> chain = new ArrayList<>();
      chain.add(credential.certificate());
      chain.addAll(credential.chain());
      store.setKeyEntry(ALIAS, credential.privateKey(), password, chain.toArray(new Certificate[0]));
      Files.createDirectories(file.toAbsolutePath().getParent());
      try (OutputStream out = Files.newOutputStream(file)) {
        store.store(out, password);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot write key store " + file, e);
    }
  }

  public static IssuedCredential load(Path file, char[] password) {
    try (InputStream in = Files.newInputStream(file)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password);
      String alias = store.isKeyEntry(ALIAS) ? ALIAS : store.aliases().nextElement();
      Key key = store.getKey(alias, password);
      Certificate[] chain = store.getCertificateChain(alias);
      List<X509Certificate> rest = Arrays.stream(chain).skip(1).map(c -> (X509Certificate) c).toList();
      return new IssuedCredential((PrivateKey) key, (X509Certificate) chain[0], rest);
    } catch (IOException e) {
      if (e.getCause() instanceof java.security.UnrecoverableKeyException) {
        throw new IllegalArgumentException("wrong password for key store " + file.getFileName(), e);
      }
      throw new UncheckedIOException("cannot read key store " + file.getFileName() + ": " + e.getMessage(), e);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot read key store " + file.getFileName() + ": wrong password or damaged file", e);
    }
  }
}
