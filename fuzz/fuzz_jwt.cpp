// Jwt::decode on any bytes, then every accessor: no crash, no UB, and a time claim that comes
// out is within the range the Session multiplies by 1000.
#include <CoCart/Jwt.h>

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray token(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    QString error;
    const CoCart::Jwt jwt = CoCart::Jwt::decode(token, &error);
    if (!jwt.isValid())
        return 0;
    (void)jwt.algorithm();
    (void)jwt.issuer();
    (void)jwt.username();
    (void)jwt.ip();
    (void)jwt.device();
    (void)jwt.pat();
    (void)jwt.userId();
    (void)jwt.expiry();
    for (const auto &claim : {jwt.expiresAt(), jwt.issuedAt(), jwt.notBefore()}) {
        if (claim && (*claim > 253402300799LL || *claim < -62135596800LL))
            std::abort(); // would overflow the Session's milliseconds
    }
    return 0;
}
