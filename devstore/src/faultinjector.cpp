#include "faultinjector_p.h"

namespace CoCartDevStore::Internal {

void FaultInjector::add(const Fault &fault)
{
    if (fault.times == 0)
        return;
    m_faults.append(fault);
}

std::optional<Fault> FaultInjector::take(const QString &path)
{
    for (qsizetype i = 0; i < m_faults.size(); ++i) {
        Fault &fault = m_faults[i];
        if (!fault.pathSuffix.isEmpty() && !path.endsWith(fault.pathSuffix))
            continue;
        const Fault taken = fault;
        if (fault.times > 0 && --fault.times == 0)
            m_faults.removeAt(i);
        return taken;
    }
    return std::nullopt;
}

} // namespace CoCartDevStore::Internal
