#pragma once

// Public-key pinning (Session::pinnedPublicKeys): which chain a handshake stands on, and whether
// it holds a pinned key. Used by the transport on every answer while pins are set.

#include <QByteArray>
#include <QList>
#include <QSslCertificate>
#include <QSslConfiguration>

namespace CoCart {

/*! \internal The pins in force for requests sent while they were set. */
struct PinPolicy
{
    QList<QByteArray> digests; //!< SHA-256 of SubjectPublicKeyInfo
    QList<QSslCertificate> anchors; //!< the transport's CAs; empty: the system's
    QList<QSslCertificate> approvedLeaves; //!< leaves whose signed chain holds a pinned key

    //! SHA-256 of \a certificate's SubjectPublicKeyInfo (what a pin names).
    static QByteArray publicKeyDigest(const QSslCertificate &certificate);
    bool holdsPin(const QList<QSslCertificate> &chain) const;
    //! True when the chain verified for \a tls (not merely the certificates sent) holds a pin.
    bool matches(const QSslConfiguration &tls);
};

} // namespace CoCart
