package vn.healthgate.certs.xml;

import java.security.GeneralSecurityException;
import java.util.List;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.keyinfo.X509Data;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import vn.healthgate.certs.SignatureAlgorithm;
import vn.healthgate.certs.ca.IssuedCredential;

/**
 * Enveloped XML-DSig over the whole document ({@code Reference URI=""}, transforms: enveloped
 * signature then inclusive C14N 1.0; SignedInfo canonicalised with inclusive C14N 1.0), the signer's
 * certificate in {@code KeyInfo/X509Data}. RSA-SHA256 or ECDSA-SHA256 with SHA-256 digests.
 */
public final class XmlSigner {
  private static final XMLSignatureFactory FACTORY = XMLSignatureFactory.getInstance("DOM");

  private XmlSigner() {}

  public static byte[] sign(byte[] xml, IssuedCredential signer, SignaturePlacement placement) throws SecureXml.InvalidXmlException {
    return sign(xml, signer, placement, SignatureAlgorithm.forKey(signer.privateKey()));
  }

  public static byte[] sign(byte[] xml, IssuedCredential signer, SignaturePlacement placement, SignatureAlgorithm algorithm) throws SecureXml.InvalidXmlException {
    Document document = SecureXml.parse(xml);
    sign(document, signer, placement, algorithm);
    return SecureXml.serialise(document);
  }

  public static void sign(Document document, IssuedCredential signer, SignaturePlacement placement, SignatureAlgorithm algorithm) {
    try {
      Reference reference = FACTORY.newReference("",
          FACTORY.newDigestMethod(algorithm.current() ? DigestMethod.SHA256 : DigestMethod.SHA1, null),
          List.of(FACTORY.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null),
              FACTORY.newTransform(CanonicalizationMethod.INCLUSIVE, (TransformParameterSpec) null)),
          null, null);
      SignedInfo signedInfo = FACTORY.newSignedInfo(
          FACTORY.newCanonicalizationMethod(CanonicalizationMethod.INCLUSIVE, (C14NMethodParameterSpec) null),
          FACTORY.newSignatureMethod(algorithm.uri(), null),
          List.of(reference));
      KeyInfoFactory keyInfoFactory = FACTORY.getKeyInfoFactory();
      X509Data x509 = keyInfoFactory.newX509Data(List.of(signer.certificate()));
      KeyInfo keyInfo = keyInfoFactory.newKeyInfo(List.of(x509));
      DOMSignContext context = new DOMSignContext(signer.privateKey(), parent(document, placement));
      context.setDefaultNamespacePrefix("ds");
      XMLSignature signature = FACTORY.newXMLSignature(signedInfo, keyInfo);
      signature.sign(context);
    } catch (GeneralSecurityException | MarshalException | XMLSignatureException e) {
      throw new IllegalStateException("cannot sign the document", e);
    }
  }

  private static Node parent(Document document, SignaturePlacement placement) {
    Element root = document.getDocumentElement();
    if (placement.elementName() == null) {
      return root;
    }
    NodeList matches = root.getElementsByTagName(placement.elementName());
    if (matches.getLength() == 1) {
      return matches.item(0);
    }
    if (matches.getLength() > 1) {
      throw new IllegalArgumentException("more than one <" + placement.elementName() + "> in the document");
    }
    Element created = document.createElement(placement.elementName());
    root.appendChild(created);
    return created;
  }
}
