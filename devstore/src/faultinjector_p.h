#pragma once

#include <CoCartDevStore/DevStore.h>

#include <QList>

#include <optional>

namespace CoCartDevStore::Internal {

//! Scripted misbehaviour: the first matching fault wins and uses up one of its `times`.
class FaultInjector
{
public:
    void add(const Fault &fault);
    void clear() { m_faults.clear(); }
    std::optional<Fault> take(const QString &path);

private:
    QList<Fault> m_faults;
};

} // namespace CoCartDevStore::Internal
