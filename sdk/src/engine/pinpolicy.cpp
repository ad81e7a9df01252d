// Public-key pinning: the chain from the leaf by issuer and signature, and the pins it holds.

#include "pinpolicy_p.h"

#include <QCryptographicHash>
#include <QSslError>
#include <QSslKey>

#include <algorithm>

namespace CoCart {

namespace {

//! True when \a candidate's subject is \a child's issuer, attribute by attribute.
bool namesIssuer(const QSslCertificate &child, const QSslCertificate &candidate)
{
    const QList<QByteArray> attributes = child.issuerInfoAttributes();
    if (attributes.isEmpty() || attributes != candidate.subjectInfoAttributes())
        return false;
    return std::all_of(attributes.cbegin(), attributes.cend(), [&](const QByteArray &attribute) {
        return child.issuerInfo(attribute) == candidate.subjectInfo(attribute);
    });
}

//! True when \a parent's key signed \a child (checked by the TLS backend, not by name alone).
bool signedBy(const QSslCertificate &child, const QSslCertificate &parent)
{
    if (!namesIssuer(child, parent))
        return false;
    // The backend builds [child, parent] and checks the child's signature with the parent's key;
    // a wrong key or no usable issuer shows up as an error on the child. Errors about the parent
    // (not trusted here, self-signed, expired) say nothing about this link.
    const QList<QSslError> errors = QSslCertificate::verify({child, parent});
    return std::none_of(errors.cbegin(), errors.cend(), [&child](const QSslError &error) {
        if (error.certificate() != child)
            return false;
        switch (error.error()) {
        case QSslError::CertificateSignatureFailed:
        case QSslError::UnableToGetIssuerCertificate:
        case QSslError::UnableToGetLocalIssuerCertificate:
        case QSslError::UnableToVerifyFirstCertificate:
        case QSslError::UnableToDecryptCertificateSignature:
        case QSslError::UnableToDecodeIssuerPublicKey:
        case QSslError::AuthorityIssuerSerialNumberMismatch:
        case QSslError::SubjectIssuerMismatch:
            return true;
        default:
            return false;
        }
    });
}

/*!
    The chain the handshake's verification stands on: from the leaf (whose key the server proved
    it holds), each next certificate is the one whose key signed the previous one, taken from
    what the server sent and from \a anchors. Certificates the server sent that do not chain
    this way (anything appended) are not part of it.
*/
QList<QSslCertificate> chainFromLeaf(const QSslCertificate &leaf,
                                     const QList<QSslCertificate> &pool)
{
    QList<QSslCertificate> chain;
    if (leaf.isNull())
        return chain;
    chain.append(leaf);
    QSslCertificate current = leaf;
    while (chain.size() < 12 && !current.isSelfSigned()) {
        const auto next = std::find_if(pool.cbegin(), pool.cend(), [&](const QSslCertificate &c) {
            return !c.isNull() && !chain.contains(c) && signedBy(current, c);
        });
        if (next == pool.cend())
            break;
        chain.append(*next);
        current = *next;
    }
    return chain;
}

} // namespace

QByteArray PinPolicy::publicKeyDigest(const QSslCertificate &certificate)
{
    // QSslKey::toDer() of a public key is its SubjectPublicKeyInfo (PEM "PUBLIC KEY").
    return QCryptographicHash::hash(certificate.publicKey().toDer(), QCryptographicHash::Sha256);
}

bool PinPolicy::holdsPin(const QList<QSslCertificate> &chain) const
{
    return std::any_of(chain.cbegin(), chain.cend(), [this](const QSslCertificate &c) {
        return digests.contains(publicKeyDigest(c));
    });
}

bool PinPolicy::matches(const QSslConfiguration &tls)
{
    const QSslCertificate leaf = tls.peerCertificate();
    if (leaf.isNull() || digests.isEmpty())
        return false;
    // A leaf's signature binds it to one issuer key, and so on up: the chain that holds a
    // pin is a property of the leaf, so a leaf matched once is matched for good.
    if (approvedLeaves.contains(leaf))
        return true;
    const QList<QSslCertificate> pool = tls.peerCertificateChain() + anchors;
    QList<QSslCertificate> chain = chainFromLeaf(leaf, pool);
    bool ok = holdsPin(chain);
    if (!ok && anchors.isEmpty() && !chain.constLast().isSelfSigned()) {
        // Servers rarely send the root the system trusts: find it among the system's CAs.
        chain = chainFromLeaf(leaf, pool + QSslConfiguration::systemCaCertificates());
        ok = holdsPin(chain);
    }
    if (ok) {
        if (approvedLeaves.size() >= 8)
            approvedLeaves.removeFirst();
        approvedLeaves.append(leaf);
    }
    return ok;
}

} // namespace CoCart
