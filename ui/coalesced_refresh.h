#pragma once
// The bookkeeping of a panel whose numbers come from a query in a worker thread and which is
// asked to refresh far more often than a query takes (after every vote): while a query runs,
// further requests only mark the result stale, and one more query follows when it returns, so a
// burst of requests costs at most two queries. Each query carries a generation; an answer from a
// superseded one (another store, a reset) is dropped. GUI thread only.
#include <QtGlobal>

namespace lab {

class CoalescedRefresh
{
public:
    // True when a query should start now (then call begin()); false: one is running and the
    // request is remembered.
    bool request()
    {
        if (m_inFlight) {
            m_stale = true;
            return false;
        }
        return true;
    }

    // A query starts: the generation to send with it.
    quint64 begin()
    {
        m_inFlight = true;
        m_stale = false;
        return ++m_generation;
    }

    // Forget the running query: whatever it answers is dropped, and nothing is pending.
    void reset()
    {
        ++m_generation;
        m_inFlight = false;
        m_stale = false;
    }

    // An answer arrived: false when it belongs to a superseded query (ignore it).
    bool accept(quint64 generation)
    {
        if (generation != m_generation)
            return false;
        m_inFlight = false;
        return true;
    }

    bool isCurrent(quint64 generation) const { return generation == m_generation; }
    bool inFlight() const { return m_inFlight; }
    // Requests came in while the accepted query ran: start another.
    bool stale() const { return m_stale; }

private:
    quint64 m_generation = 0;
    bool m_inFlight = false;
    bool m_stale = false;
};

} // namespace lab
