package vn.healthgate.certs.xml;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import javax.xml.crypto.AlgorithmMethod;
import javax.xml.crypto.KeySelector;
import javax.xml.crypto.KeySelectorException;
import javax.xml.crypto.KeySelectorResult;
import javax.xml.crypto.XMLCryptoContext;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.X509Data;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import vn.healthgate.certs.SignatureAlgorithm;
import vn.healthgate.certs.xml.VerificationResult.Failure;

/**
 * Verifies an enveloped XML-DSig over the whole document and the signer's certificate: signature
 * value, digest (tamper), validity at the given time, chain to the trust store, revocation by CRL,
 * key usage. Reports the first check that fails.
 */
public final class XmlVerifier {
  private static final XMLSignatureFactory FACTORY = XMLSignatureFactory.getInstance("DOM");
  private final TrustStore trust;

  public XmlVerifier(TrustStore trust) {
    this.trust = trust;
  }

  /** Verifies as of {@code at} (the signing or receiving time). */
  public VerificationResult verify(byte[] xml, Instant at) {
    Document document;
    try {
      document = SecureXml.parse(xml);
    } catch (SecureXml.InvalidXmlException e) {
      return VerificationResult.failed(Failure.MALFORMED, e.getMessage(), null, null);
    }
    NodeList signatures = document.getElementsByTagNameNS(XMLSignature.XMLNS, "Signature");
    if (signatures.getLength() == 0) {
      return VerificationResult.failed(Failure.NOT_SIGNED, "no ds:Signature element", null, null);
    }
    if (signatures.getLength() > 1) {
      return VerificationResult.failed(Failure.MALFORMED, "more than one ds:Signature element", null, null);
    }
    org.w3c.dom.Element signatureElement = (org.w3c.dom.Element) signatures.item(0);
    NodeList methods = signatureElement.getElementsByTagNameNS(XMLSignature.XMLNS, "SignatureMethod");
    String methodUri = methods.getLength() == 1 ? ((org.w3c.dom.Element) methods.item(0)).getAttribute("Algorithm") : "";
    SignatureAlgorithm algorithm = SignatureAlgorithm.ofUri(methodUri).orElse(null);
    if (algorithm == null) {
      return VerificationResult.failed(Failure.UNSUPPORTED_ALGORITHM, "signature method " + methodUri, null, null);
    }
    CertificateKeySelector selector = new CertificateKeySelector();
    DOMValidateContext context = new DOMValidateContext(selector, signatureElement);
    // secure validation (limits on transforms and references, no weak algorithms) except for legacy RSA-SHA1 documents
    context.setProperty("org.jcp.xml.dsig.secureValidation", algorithm.current());
    XMLSignature signature;
    try {
      signature = FACTORY.unmarshalXMLSignature(context);
    } catch (Exception e) {
      return VerificationResult.failed(Failure.MALFORMED, "unreadable ds:Signature: " + e.getMessage(), null, algorithm);
    }
    X509Certificate signer = CertificateKeySelector.certificateOf(signature.getKeyInfo());
    if (signer == null) {
      return VerificationResult.failed(Failure.MALFORMED, "no X509Certificate in KeyInfo/X509Data", null, algorithm);
    }
    List<?> references = signature.getSignedInfo().getReferences();
    if (references.size() != 1 || !"".equals(((Reference) references.get(0)).getURI())) {
      return VerificationResult.failed(Failure.MALFORMED, "the signature must have exactly one reference, to the whole document (URI=\"\")", signer, algorithm);
    }
    try {
      if (!((Reference) references.get(0)).validate(context)) {
        return VerificationResult.failed(Failure.DIGEST_MISMATCH, "the document was changed after signing (digest mismatch)", signer, algorithm);
      }
    } catch (Exception e) {
      return VerificationResult.failed(Failure.MALFORMED, "cannot compute the digest: " + e.getMessage(), signer, algorithm);
    }
    boolean signatureValid;
    try {
      signatureValid = signature.getSignatureValue().validate(context);
    } catch (Exception e) {
      signatureValid = false;
    }
    if (!signatureValid) {
      return VerificationResult.failed(Failure.SIGNATURE_VALUE, "the signature value does not match the signer's key", signer, algorithm);
    }
    return checkCertificate(signer, at, algorithm);
  }

  private VerificationResult checkCertificate(X509Certificate signer, Instant at, SignatureAlgorithm algorithm) {
    if (at.isBefore(signer.getNotBefore().toInstant())) {
      return VerificationResult.failed(Failure.CERTIFICATE_NOT_YET_VALID, "certificate valid only from " + signer.getNotBefore().toInstant(), signer, algorithm);
    }
    if (at.isAfter(signer.getNotAfter().toInstant())) {
      return VerificationResult.failed(Failure.CERTIFICATE_EXPIRED, "certificate expired on " + signer.getNotAfter().toInstant(), signer, algorithm);
    }
    if (!trust.chains(signer, at)) {
      return VerificationResult.failed(Failure.UNTRUSTED_CHAIN, "certificate does not chain to a trusted CA", signer, algorithm);
    }
    var revoked = trust.revocation(signer);
    if (revoked.isPresent()) {
      return VerificationResult.failed(Failure.CERTIFICATE_REVOKED, TrustStore.describe(revoked.get()), signer, algorithm);
    }
    boolean[] usage = signer.getKeyUsage();
    if (usage == null || !(usage[0] || usage[1])) {
      return VerificationResult.failed(Failure.WRONG_KEY_USAGE, "certificate is not for signing (keyUsage lacks digitalSignature and nonRepudiation)", signer, algorithm);
    }
    return VerificationResult.valid(signer, algorithm);
  }

  /** Takes the key from the first certificate of KeyInfo/X509Data. */
  private static final class CertificateKeySelector extends KeySelector {
    static X509Certificate certificateOf(KeyInfo keyInfo) {
      if (keyInfo != null) {
        for (Object content : keyInfo.getContent()) {
          if (content instanceof X509Data data) {
            for (Object item : data.getContent()) {
              if (item instanceof X509Certificate cert) {
                return cert;
              }
            }
          }
        }
      }
      return null;
    }

    @Override
    public KeySelectorResult select(KeyInfo keyInfo, Purpose purpose, AlgorithmMethod method, XMLCryptoContext context) throws KeySelectorException {
      X509Certificate certificate = certificateOf(keyInfo);
      if (certificate == null) {
        throw new KeySelectorException("no X509Certificate in KeyInfo");
      }
      Key key = certificate.getPublicKey();
      return () -> key;
    }
  }
}
