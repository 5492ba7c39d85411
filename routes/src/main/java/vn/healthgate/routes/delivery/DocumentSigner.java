package vn.healthgate.routes.delivery;

import java.nio.charset.StandardCharsets;
import org.w3c.dom.Document;
import vn.healthgate.certs.SignatureAlgorithm;
import vn.healthgate.certs.ca.IssuedCredential;
import vn.healthgate.certs.xml.SecureXml;
import vn.healthgate.certs.xml.SignaturePlacement;
import vn.healthgate.certs.xml.XmlSigner;
import vn.healthgate.routes.error.ErrorCode;
import vn.healthgate.routes.error.GatewayException;

/** Builds a document's XML and signs it with the facility's key: in {@code CHUKYDONVI} for XML 0, as the last child of {@code <root>} for a certificate. */
public class DocumentSigner {
  private final SigningKeys keys;

  public DocumentSigner(SigningKeys keys) {
    this.keys = keys;
  }

  public boolean canSign(String facilityCode) {
    return keys.credential(facilityCode).isPresent();
  }

  public String sign(PortalDocument document) {
    IssuedCredential credential = keys.credential(document.facilityCode())
        .orElseThrow(() -> new GatewayException(ErrorCode.NO_SIGNING_KEY, "facilityCode"));
    Document xml = PortalXml.build(document);
    SignaturePlacement placement = document.kind() == DocumentKind.CHECK_IN ? SignaturePlacement.insideElement("CHUKYDONVI") : SignaturePlacement.LAST_CHILD_OF_ROOT;
    XmlSigner.sign(xml, credential, placement, SignatureAlgorithm.forKey(credential.privateKey()));
    return new String(SecureXml.serialise(xml), StandardCharsets.UTF_8);
  }
}
