// Every interleaving of bounded event sequences, explored deterministically: the session protocol
// core (sdk/src/core) driven with no event loop, socket, timer or keychain against a model store
// (strict rotation: a refresh kills the old pair; logout revokes every token of the user), a
// shared saved session, a cross-process lock and a second process of the same app. From each
// scenario's start, a depth-first search takes every enabled event in turn (a public call from
// the scenario's script, an abort, an answer delivered normally, lost after the store ran it,
// dropped before, a 5xx, an HTML 403, a `rest_forbidden`, a duplicated or late answer, a storage
// result or failure, the lock given or refused, a timer, the other process rotating the pair,
// another device signing out everywhere) and checks the invariants after every command:
//
//   I1 every operation settles exactly once (never twice; all settled once nothing is pending)
//   I2 no request carries a Bearer of the old session once a sign-out began (the logout of
//      LogoutScope::Everywhere itself excepted)
//   I3 the session ends only on the store's JSON rejection of the refresh token it held, or on
//      an explicit logout() / abort()
//   I4 nothing automatic calls the store's logout: only a logout(Everywhere) call does
//   I5 the refresh token is spent only by the holder of the lock; the lock is released only by
//      its holder
//   I6 a saved pair is removed automatically only if it holds a refresh token this process saw
//      the store reject (or the pair of its own aborted login)
//   I7 no spent refresh token is sent while the saved session holds a fresher one
//   I8 every status change is one the table in Session.h allows
//   I9 once a sign-out has finished and nothing signed in again, no session is saved (unless
//      the store failed to remove it, which is reported)
//
// States already seen (same core fingerprint, same environment, same budgets) are not explored
// again. The test prints, per scenario, the states explored, the sequences and the depth.

#include <CoCart/Error.h>
#include <CoCart/User.h>

#include "core/sessioncore_p.h"
#include "engine/storedsession_p.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <functional>
#include <map>
#include <set>
#include <unordered_set>

using namespace CoCart;
using Core::Command;
using Core::Id;
using Core::Route;
using Core::SessionCore;
using Core::Status;

namespace {

constexpr qint64 kStart = 1'700'000'000'000; // ms
#if defined(__SANITIZE_ADDRESS__)
// Under AddressSanitizer (scripts/sanitize.sh, slow unwinding on every malloc) a step costs a
// hundred times more: five levels shallower keeps the run inside its timeout while still
// reaching every kind of event (depth 12 took over 240 s there, depth 9 as long).
constexpr int kDepthCut = 5;
#else
constexpr int kDepthCut = 0;
#endif
constexpr qint64 kTtl = 3600; // s: the access token's lifetime

QByteArray base64url(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray makeJwt(int serial, qint64 iatSeconds)
{
    const QJsonObject payload {
            {QLatin1String("iat"), iatSeconds},
            {QLatin1String("exp"), iatSeconds + kTtl},
            {QLatin1String("jti"), serial},
            {QLatin1String("data"),
             QJsonObject {{QLatin1String("user"),
                           QJsonObject {{QLatin1String("id"), 2},
                                        {QLatin1String("username"), QLatin1String("customer1")}}}}},
    };
    return base64url(R"({"alg":"HS256","typ":"JWT"})") + '.' +
            base64url(QJsonDocument(payload).toJson(QJsonDocument::Compact)) + '.' +
            base64url("signature");
}

bool allowed(Status from, Status to)
{
    using S = Status;
    if (to == S::SigningOut)
        return true; // logout() is accepted in every state
    switch (from) {
    case S::SignedOut:
        return to == S::SigningIn || to == S::Restoring;
    case S::SigningIn:
        return to == S::SignedIn || to == S::SignedOut;
    case S::Restoring:
        return to == S::SignedIn || to == S::SignedOut || to == S::Refreshing;
    case S::SignedIn:
        return to == S::Refreshing;
    case S::Refreshing:
        return to == S::SignedIn || to == S::SignedOut;
    case S::SigningOut:
        return to == S::SignedOut;
    }
    return false;
}

enum class Call {
    Login,
    LogoutHere,
    LogoutEverywhere,
    Refresh,
    Validate,
    Restore,
    Get,
    Post,
    RetryStorage,
    Abort,
    OtherProcessRotates,
    OtherDeviceLogsOut,
    ClockJump
};

const char *callName(Call c)
{
    static const char *names[] = {"login",
                                  "logout",
                                  "logout(Everywhere)",
                                  "refresh",
                                  "validate",
                                  "restore",
                                  "get",
                                  "post",
                                  "retryStorage",
                                  "abort",
                                  "other process rotates",
                                  "other device logs out",
                                  "clock jumps"};
    return names[int(c)];
}

//! How an answer reaches the core.
enum class Delivery { Normal, LostAfter, DroppedBefore, Server503, Html403, RestForbidden };

struct Budget
{
    int faults = 1; //!< answers that are not Normal
    int duplicates = 1; //!< an answer delivered twice
    int late = 1; //!< an answer for a cancelled request
    int storageFailures = 1;
    int lockRefusals = 1;
    int timerFires = 1;
};

//! The core, the world around it, and what the invariants need to remember.
struct World
{
    SessionCore core;
    qint64 now = kStart;

    // the wire, the saved session, the lock, the timers
    std::map<Id, Command> sends; //!< io → request awaiting its answer
    std::map<Id, Command> storageOps; //!< io → read / write / remove awaiting its result
    std::set<Id> cancelled; //!< requests the core cancelled (a late answer may still come)
    std::pair<Id, Core::Answer> lastAnswer {0, Core::Answer()}; //!< for a duplicate
    bool lockWanted = false;
    int lockHolder = 0; //!< 0 nobody, 1 this process, 2 the other process
    std::map<Id, qint64> timers;
    std::optional<QByteArray> saved; //!< the shared saved session (JSON)

    // the model store: strict rotation, logout revokes everything of the user
    std::set<QByteArray> liveAccess;
    std::set<QByteArray> liveRefresh;
    std::set<QByteArray> spentRefresh;
    std::map<QByteArray, QByteArray> accessOf; //!< refresh → its access token
    int issued = 0;

    // bookkeeping for the invariants
    std::set<Id> ops;
    std::map<Id, int> settles;
    std::set<Id> everywhereOps;
    std::set<QByteArray> oldSessionTokens; //!< access tokens of a session a sign-out ended
    std::set<QByteArray> rejectedRefresh; //!< refresh tokens this process saw rejected
    std::set<QByteArray> ownLoginPairs; //!< refresh tokens of pairs this process's login got
    std::set<QByteArray> writtenPairs; //!< refresh tokens of pairs this process saved
    bool signedOut = false; //!< logout() was called (its pairs may be removed)
    bool loginAfterLogout = false;
    bool removeFailed = false; //!< a removal failed (reported as a Storage error)
    Status status = Status::SignedOut;
    bool endAllowed = false; //!< the running event may end the session
    std::vector<Call> script; //!< the calls still to make, in any order
    Budget budget;
    QString trace;
    QString violation;

    void fail(const QString &what)
    {
        if (violation.isEmpty())
            violation = what;
    }

    std::pair<QByteArray, QByteArray> issue()
    {
        ++issued;
        const QByteArray access = makeJwt(issued, now / 1000);
        const QByteArray refresh = "refresh-" + QByteArray::number(issued);
        liveAccess.insert(access);
        liveRefresh.insert(refresh);
        accessOf[refresh] = access;
        return {access, refresh};
    }

    void revokeAll()
    {
        liveAccess.clear();
        for (const QByteArray &r : liveRefresh)
            spentRefresh.insert(r);
        liveRefresh.clear();
    }

    std::optional<QByteArray> rotate(const QByteArray &refresh)
    {
        if (!liveRefresh.count(refresh))
            return std::nullopt;
        liveRefresh.erase(refresh);
        spentRefresh.insert(refresh);
        liveAccess.erase(accessOf[refresh]); // rotation kills the old access token too
        const auto [access, fresh] = issue();
        return QJsonDocument(
                       QJsonObject {{QLatin1String("token"), QString::fromLatin1(access)},
                                    {QLatin1String("refresh_token"), QString::fromLatin1(fresh)}})
                .toJson(QJsonDocument::Compact);
    }

    static Core::Answer ok(const QByteArray &json)
    {
        Core::Answer a;
        a.httpStatus = 200;
        a.json = QJsonDocument::fromJson(json).isObject()
                ? QJsonValue(QJsonDocument::fromJson(json).object())
                : QJsonValue(true);
        return a;
    }

    static Core::Answer rejected(const QString &message)
    {
        Core::Answer a;
        a.httpStatus = 403;
        a.json = QJsonObject {{QLatin1String("code"), QLatin1String("cocart_authentication_error")},
                              {QLatin1String("message"), message}};
        a.error = Error(Error::Unauthorized, message, QStringLiteral("cocart_authentication_error"),
                        403);
        return a;
    }

    QByteArray bearerOf(const Command &c) const
    {
        return c.authorization.startsWith("Bearer ") ? c.authorization.mid(7) : QByteArray();
    }

    //! What the model store answers to \a c (and what it does).
    Core::Answer serve(const Command &c)
    {
        const QByteArray bearer = bearerOf(c);
        // An invalid Bearer makes every route fail (transcripts 40-41).
        if (!bearer.isEmpty() && !liveAccess.count(bearer))
            return rejected(QStringLiteral("Authentication failed."));
        switch (c.route) {
        case Route::Login: {
            const auto [access, refresh] = issue();
            return ok(QJsonDocument(QJsonObject {{QLatin1String("user_id"), QLatin1String("2")},
                                                 {QLatin1String("extras"),
                                                  QJsonObject {{QLatin1String("jwt_token"),
                                                                QString::fromLatin1(access)},
                                                               {QLatin1String("jwt_refresh"),
                                                                QString::fromLatin1(refresh)}}}})
                              .toJson(QJsonDocument::Compact));
        }
        case Route::Refresh: {
            const QByteArray token = QJsonDocument::fromJson(c.body)
                                             .object()
                                             .value(QLatin1String("refresh_token"))
                                             .toString()
                                             .toLatin1();
            if (const auto rotated = rotate(token))
                return ok(*rotated);
            return rejected(QStringLiteral("Invalid refresh token."));
        }
        case Route::Logout:
            revokeAll();
            return ok("true");
        case Route::Validate:
        case Route::Call:
            if (c.route == Route::Validate && bearer.isEmpty())
                return rejected(QStringLiteral("no token"));
            return ok(R"({"ok":true})");
        }
        return {};
    }

    std::optional<StoredSession> savedSession() const
    {
        return saved ? StoredSession::fromJson(*saved, nullptr) : std::nullopt;
    }

    //! Executes (in the model) what the core asked for, checking the invariants on the way.
    void drain()
    {
        for (const Command &c : core.takeCommands()) {
            switch (c.type) {
            case Command::Send: {
                const QByteArray bearer = bearerOf(c);
                if (!bearer.isEmpty() && oldSessionTokens.count(bearer) &&
                    !(c.route == Route::Logout && everywhereOps.count(c.op)))
                    fail(QStringLiteral("I2: a Bearer of the signed-out session was sent"));
                if (c.route == Route::Logout && !everywhereOps.count(c.op))
                    fail(QStringLiteral("I4: the store's logout was called automatically"));
                if (c.route == Route::Refresh && c.op == 0) {
                    if (lockHolder != 1)
                        fail(QStringLiteral("I5: a refresh token was spent without the lock"));
                    const QByteArray token = QJsonDocument::fromJson(c.body)
                                                     .object()
                                                     .value(QLatin1String("refresh_token"))
                                                     .toString()
                                                     .toLatin1();
                    const auto stored = savedSession();
                    if (spentRefresh.count(token) && stored &&
                        liveRefresh.count(stored->refreshToken) && !stored->refreshPending)
                        fail(QStringLiteral("I7: a spent refresh token was sent while the saved "
                                            "session held a fresher one"));
                }
                sends.insert_or_assign(c.io, c);
                break;
            }
            case Command::Cancel:
                if (sends.erase(c.io))
                    cancelled.insert(c.io);
                break;
            case Command::Read:
            case Command::Write:
            case Command::Remove:
                if (c.type == Command::Write)
                    writtenPairs.insert(c.stored.refreshToken);
                if (c.type == Command::Remove && c.op == 0 && !c.expect.isEmpty() &&
                    !rejectedRefresh.count(c.expect) && !ownLoginPairs.count(c.expect) &&
                    !(signedOut && writtenPairs.count(c.expect)))
                    fail(QStringLiteral("I6: a saved pair nobody saw rejected is removed"));
                if (c.type == Command::Remove && c.op == 0 && c.expect.isEmpty())
                    fail(QStringLiteral("I6: an automatic remove without a pair to compare"));
                storageOps.insert_or_assign(c.io, c);
                break;
            case Command::TakeLock:
                lockWanted = true;
                break;
            case Command::ReleaseLock:
                lockWanted = false;
                if (lockHolder == 1)
                    lockHolder = 0;
                break;
            case Command::ArmTimer:
                timers[c.timer] = c.dueMs;
                break;
            case Command::DisarmTimer:
                timers.erase(c.timer);
                break;
            case Command::Settle:
                if (!ops.count(c.op))
                    fail(QStringLiteral("I1: an unknown operation settled"));
                if (++settles[c.op] > 1)
                    fail(QStringLiteral("I1: an operation settled twice"));
                break;
            case Command::Emit:
                if (c.signal == Core::Signal::StatusChanged) {
                    const Status to = core.status();
                    if (!allowed(status, to))
                        fail(QStringLiteral("I8: status %1 -> %2").arg(int(status)).arg(int(to)));
                    if (to == Status::SignedOut &&
                        (status == Status::SignedIn || status == Status::Refreshing) && !endAllowed)
                        fail(QStringLiteral("I3: the session ended without the store's "
                                            "rejection or a logout"));
                    status = to;
                }
                break;
            }
        }
    }

    void checkQuiescent()
    {
        if (!sends.empty() || !storageOps.empty() || lockWanted)
            return;
        for (const auto &[timer, due] : timers) {
            if (timer != SessionCore::RefreshTimer)
                return; // a call waits for its retry
        }
        for (Id op : ops) {
            if (settles[op] != 1)
                fail(QStringLiteral("I1: operation %1 never settled").arg(op));
        }
        if (signedOut && !loginAfterLogout && saved && !removeFailed)
            fail(QStringLiteral("I9: a session is still saved after the sign-out"));
    }
};

//! One step from a world: a label and what it does.
struct Step
{
    QString label;
    std::function<void(World &)> apply;
};

class Explorer
{
public:
    int maxDepth = 12;
    quint64 states = 0;
    quint64 sequences = 0;
    int deepest = 0;
    QString firstViolation;

    void run(const World &start)
    {
        seen.clear();
        dfs(start, 0);
    }

    static void deliver(World &x, Id io, Delivery d);
    static void storageDone(World &x, Id io, bool failed);

private:
    std::unordered_set<size_t> seen;

    static QByteArray key(const World &w)
    {
        QByteArray k = w.core.fingerprint();
        auto add = [&k](qint64 v) { k += QByteArray::number(v) + ','; };
        for (const auto &[io, c] : w.sends)
            k += "s" + QByteArray::number(io) + c.authorization + c.body;
        for (const auto &[io, c] : w.storageOps)
            k += "t" + QByteArray::number(io) + QByteArray::number(int(c.type)) + c.expect;
        for (Id io : w.cancelled)
            add(qint64(io));
        add(w.lockWanted);
        add(w.lockHolder);
        for (const auto &[t, due] : w.timers) {
            add(qint64(t));
            add(due);
        }
        k += w.saved.value_or("none");
        for (const QByteArray &r : w.liveRefresh)
            k += r;
        add(w.issued);
        add(w.now);
        for (Call c : w.script)
            add(int(c));
        add(w.budget.faults);
        add(w.budget.duplicates);
        add(w.budget.late);
        add(w.budget.storageFailures);
        add(w.budget.lockRefusals);
        add(w.budget.timerFires);
        add(w.lastAnswer.first);
        for (const auto &[op, n] : w.settles)
            add(qint64(op) * 4 + n);
        add(int(w.status));
        return k;
    }

    void dfs(const World &world, int depth)
    {
        const std::vector<Step> steps = enabled(world);
        if (steps.empty() || depth >= maxDepth) {
            ++sequences;
            deepest = qMax(deepest, depth);
            return;
        }
        for (const Step &step : steps) {
            if (!firstViolation.isEmpty())
                return;
            World next = world;
            next.trace += QStringLiteral("\n  %1. %2").arg(depth + 1).arg(step.label);
            next.endAllowed = false;
            step.apply(next);
            next.drain();
            next.endAllowed = false;
            next.checkQuiescent();
            if (!next.violation.isEmpty()) {
                firstViolation = next.violation + QStringLiteral("\nafter:") + next.trace;
                return;
            }
            if (!seen.insert(qHash(key(next))).second)
                continue;
            ++states;
            dfs(next, depth + 1);
        }
    }

    static void feedAnswer(World &w, Id io, const Core::Answer &answer)
    {
        w.now += 10;
        w.core.setNow(w.now);
        w.lastAnswer = {io, answer};
        w.core.answered(io, answer);
    }

    static std::vector<Step> enabled(const World &w)
    {
        std::vector<Step> steps;
        // Public calls from the script (each once; the order is what is explored).
        std::set<Call> offered;
        for (std::size_t i = 0; i < w.script.size(); ++i) {
            const Call call = w.script[i];
            if (!offered.insert(call).second)
                continue;
            if (call == Call::Abort) {
                for (Id op : w.ops) {
                    if (!w.core.isRunning(op))
                        continue;
                    steps.push_back({QStringLiteral("abort op %1").arg(op), [i, op](World &x) {
                                         x.script.erase(x.script.begin() + long(i));
                                         x.endAllowed = true; // an abort may end it (restore)
                                         x.core.abort(op);
                                     }});
                }
                continue;
            }
            if (call == Call::OtherProcessRotates && w.lockHolder != 0)
                continue; // it needs the lock too
            steps.push_back({QString::fromLatin1(callName(call)), [i, call](World &x) {
                                 x.script.erase(x.script.begin() + long(i));
                                 makeCall(x, call);
                             }});
        }
        // Answers, in any order, each in every way it can arrive.
        for (const auto &[io, send] : w.sends) {
            const Id id = io;
            for (Delivery d : {Delivery::Normal, Delivery::LostAfter, Delivery::DroppedBefore,
                               Delivery::Server503, Delivery::Html403, Delivery::RestForbidden}) {
                if (d != Delivery::Normal && w.budget.faults == 0)
                    continue;
                if (d == Delivery::RestForbidden && send.route != Route::Call)
                    continue;
                steps.push_back({QStringLiteral("answer io %1 (%2, %3)")
                                         .arg(id)
                                         .arg(int(send.route))
                                         .arg(int(d)),
                                 [id, d](World &x) { deliver(x, id, d); }});
            }
        }
        if (w.lastAnswer.first && w.budget.duplicates > 0) {
            steps.push_back({QStringLiteral("the same answer again"), [](World &x) {
                                 --x.budget.duplicates;
                                 feedAnswer(x, x.lastAnswer.first, x.lastAnswer.second);
                             }});
        }
        if (!w.cancelled.empty() && w.budget.late > 0) {
            const Id io = *w.cancelled.begin();
            steps.push_back(
                    {QStringLiteral("a late answer for cancelled io %1").arg(io), [io](World &x) {
                         --x.budget.late;
                         x.cancelled.erase(io);
                         feedAnswer(x, io, World::ok(R"({"late":true})"));
                     }});
        }
        // Storage results, in any order; one may fail.
        for (const auto &[io, op] : w.storageOps) {
            const Id id = io;
            steps.push_back({QStringLiteral("storage io %1 done").arg(id),
                             [id](World &x) { storageDone(x, id, false); }});
            if (w.budget.storageFailures > 0) {
                steps.push_back({QStringLiteral("storage io %1 fails").arg(id),
                                 [id](World &x) { storageDone(x, id, true); }});
            }
        }
        // The lock.
        if (w.lockWanted) {
            steps.push_back({QStringLiteral("lock answer"), [](World &x) {
                                 x.lockWanted = false;
                                 const bool free = x.lockHolder == 0;
                                 if (free)
                                     x.lockHolder = 1;
                                 x.core.lockResult(free);
                             }});
            if (w.lockHolder == 0 && w.budget.lockRefusals > 0) {
                steps.push_back({QStringLiteral("lock refused (timed out)"), [](World &x) {
                                     --x.budget.lockRefusals;
                                     x.lockWanted = false;
                                     x.core.lockResult(false);
                                 }});
            }
        }
        // Timers.
        if (w.budget.timerFires > 0) {
            for (const auto &[timer, due] : w.timers) {
                const Id t = timer;
                const qint64 at = due;
                steps.push_back({QStringLiteral("timer %1 fires").arg(t), [t, at](World &x) {
                                     --x.budget.timerFires;
                                     x.timers.erase(t);
                                     x.now = qMax(x.now, at);
                                     x.core.setNow(x.now);
                                     x.core.timerFired(t);
                                 }});
            }
        }
        return steps;
    }

    static void makeCall(World &x, Call call)
    {
        x.now += 5;
        x.core.setNow(x.now);
        Id op = 0;
        const bool signedIn = !x.core.accessToken().isEmpty();
        switch (call) {
        case Call::Login:
            x.loginAfterLogout = x.signedOut;
            op = x.core.login(QStringLiteral("customer1"), QStringLiteral("pass"));
            break;
        case Call::LogoutHere:
        case Call::LogoutEverywhere:
            if (signedIn)
                x.oldSessionTokens.insert(x.core.accessToken());
            for (const QByteArray &a : x.liveAccess)
                x.oldSessionTokens.insert(a); // whatever the store issued so far
            x.endAllowed = true;
            x.signedOut = true;
            x.loginAfterLogout = false;
            op = x.core.logout(call == Call::LogoutEverywhere);
            if (call == Call::LogoutEverywhere)
                x.everywhereOps.insert(op);
            break;
        case Call::Refresh:
            op = x.core.refresh();
            break;
        case Call::Validate:
            op = x.core.validate();
            break;
        case Call::Restore:
            op = x.core.restore();
            break;
        case Call::Get:
        case Call::Post: {
            Core::CallOptions options;
            options.getOrHead = call == Call::Get;
            options.idempotent = call == Call::Get;
            op = x.core.call(options);
            break;
        }
        case Call::RetryStorage:
            op = x.core.retryStorage();
            break;
        case Call::OtherProcessRotates: {
            // Another process of the app: under the lock, it spends the saved refresh token
            // and saves the new pair.
            const auto stored = x.savedSession();
            if (stored && !stored->refreshPending) {
                const QByteArray token = stored->refreshToken;
                if (const auto rotated = x.rotate(token)) {
                    const QJsonObject pair = QJsonDocument::fromJson(*rotated).object();
                    StoredSession next = *stored;
                    next.accessToken = pair.value(QLatin1String("token")).toString().toLatin1();
                    next.refreshToken =
                            pair.value(QLatin1String("refresh_token")).toString().toLatin1();
                    x.saved = next.toJson();
                }
            }
            return;
        }
        case Call::OtherDeviceLogsOut:
            x.revokeAll();
            return;
        case Call::ClockJump:
            x.now += 1000 * (kTtl - 60); // near the end of the access token's life
            x.core.setNow(x.now);
            x.core.clockJumped();
            return;
        case Call::Abort:
            return;
        }
        x.ops.insert(op);
    }
};

void Explorer::deliver(World &x, Id io, Delivery d)
{
    const Command send = x.sends.at(io); // NOLINT(performance-unnecessary-copy-initialization)
    x.sends.erase(io);
    if (d != Delivery::Normal)
        --x.budget.faults;
    Core::Answer answer;
    switch (d) {
    case Delivery::Normal:
    case Delivery::LostAfter: {
        const QByteArray refreshSent = QJsonDocument::fromJson(send.body)
                                               .object()
                                               .value(QLatin1String("refresh_token"))
                                               .toString()
                                               .toLatin1();
        answer = x.serve(send);
        if (send.route == Route::Login && !answer.error) {
            x.ownLoginPairs.insert(answer.json.toObject()
                                           .value(QLatin1String("extras"))
                                           .toObject()
                                           .value(QLatin1String("jwt_refresh"))
                                           .toString()
                                           .toLatin1());
        }
        if (d == Delivery::LostAfter) {
            // The store ran it; the body was cut short on the way back.
            answer = {};
            answer.httpStatus = 200;
            answer.error = Error(Error::Network, QStringLiteral("Connection closed."),
                                 QStringLiteral("network"), 200);
        } else if (send.route == Route::Refresh && answer.isAuthRejection()) {
            x.rejectedRefresh.insert(refreshSent);
            // The store's own JSON rejection of the refresh token the core holds: the one
            // event (besides logout) that may end the session.
            x.endAllowed = send.op == 0 && refreshSent == x.core.refreshToken();
        }
        break;
    }
    case Delivery::DroppedBefore:
        answer.error = Error(Error::Network, QStringLiteral("Connection refused."),
                             QStringLiteral("network"));
        break;
    case Delivery::Server503:
        answer.httpStatus = 503;
        answer.error = Error(Error::Server, QStringLiteral("Service Unavailable"), {}, 503);
        break;
    case Delivery::Html403:
        answer.httpStatus = 403;
        answer.error = Error(Error::BadResponse, QStringLiteral("An HTML page"), {}, 403);
        break;
    case Delivery::RestForbidden:
        answer.httpStatus = 403;
        answer.json = QJsonObject {{QLatin1String("code"), QLatin1String("rest_forbidden")}};
        answer.error = Error(Error::Forbidden, QStringLiteral("Sorry, you are not allowed."),
                             QStringLiteral("rest_forbidden"), 403);
        break;
    }
    feedAnswer(x, io, answer);
}

void Explorer::storageDone(World &x, Id io, bool failed)
{
    const Command op = x.storageOps.at(io);
    x.storageOps.erase(io);
    const Error storageError(Error::Storage, QStringLiteral("Collection is locked"),
                             QStringLiteral("storage"));
    if (failed)
        --x.budget.storageFailures;
    switch (op.type) {
    case Command::Read: {
        Core::ReadResult result;
        if (failed)
            result.error = storageError;
        else if (x.saved) {
            result.found = true;
            result.value = *x.saved;
        }
        x.core.storageRead(io, result);
        return;
    }
    case Command::Write:
        if (!failed)
            x.saved = op.stored.toJson();
        x.core.storageWritten(io, failed ? storageError : Error());
        return;
    case Command::Remove:
        x.removeFailed = x.removeFailed || failed;
        if (!failed) {
            const auto stored = x.savedSession();
            if (op.expect.isEmpty() || (stored && stored->refreshToken == op.expect))
                x.saved.reset();
        }
        x.core.storageWritten(io, failed ? storageError : Error());
        return;
    default:
        return;
    }
}

//! A world where the core signed in with no fault (the prefix is not explored).
World signedInWorld()
{
    World w;
    w.core.setNow(w.now);
    w.core.setStoreUrl(QStringLiteral("http://127.0.0.1:1"), QStringLiteral("127.0.0.1:1"));
    w.core.setCallRetryDelay(100);
    const Id login = w.core.login(QStringLiteral("customer1"), QStringLiteral("pass"));
    w.ops.insert(login);
    w.drain();
    while (!w.sends.empty() || !w.storageOps.empty()) {
        if (!w.sends.empty()) {
            const Id io = w.sends.begin()->first;
            Explorer::deliver(w, io, Delivery::Normal);
        } else {
            Explorer::storageDone(w, w.storageOps.begin()->first, false);
        }
        w.drain();
    }
    w.ops.clear(); // the prefix's operation is not part of the scenario
    w.settles.clear();
    return w;
}

World signedOutWorld()
{
    World w;
    w.core.setNow(w.now);
    w.core.setStoreUrl(QStringLiteral("http://127.0.0.1:1"), QStringLiteral("127.0.0.1:1"));
    w.core.setCallRetryDelay(100);
    return w;
}

} // namespace

class TestCoreExplore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void explore_data()
    {
        QTest::addColumn<bool>("signedIn");
        QTest::addColumn<QList<int>>("script");
        QTest::addColumn<int>("depth");
        auto calls = [](std::initializer_list<Call> list) {
            QList<int> out;
            for (Call c : list)
                out << int(c);
            return out;
        };
        // Signed out: sign in, sign out, abort, a call — and a restore of a saved pair.
        QTest::newRow("login, logout, abort")
                << false << calls({Call::Login, Call::LogoutHere, Call::Abort}) << 12;
        QTest::newRow("login, logout everywhere, get")
                << false << calls({Call::Login, Call::LogoutEverywhere, Call::Get}) << 12;
        QTest::newRow("login, validate, abort")
                << false << calls({Call::Login, Call::Validate, Call::Abort}) << 11;
        // Signed in: the refresh against everything that can interleave with it.
        QTest::newRow("refresh, get, logout")
                << true << calls({Call::Refresh, Call::Get, Call::LogoutHere}) << 12;
        QTest::newRow("refresh, logout everywhere, abort")
                << true << calls({Call::Refresh, Call::LogoutEverywhere, Call::Abort}) << 12;
        QTest::newRow("get, post, other device logs out")
                << true << calls({Call::Get, Call::Post, Call::OtherDeviceLogsOut}) << 12;
        QTest::newRow("refresh, other process rotates, get")
                << true << calls({Call::Refresh, Call::OtherProcessRotates, Call::Get}) << 12;
        QTest::newRow("clock jump, validate, retryStorage")
                << true << calls({Call::ClockJump, Call::Validate, Call::RetryStorage}) << 12;
        QTest::newRow("clock jump, get, logout everywhere")
                << true << calls({Call::ClockJump, Call::Get, Call::LogoutEverywhere}) << 12;
        QTest::newRow("restore, get, abort")
                << false << calls({Call::Restore, Call::Get, Call::Abort}) << 12;
        QTest::newRow("restore, refresh, logout")
                << false << calls({Call::Restore, Call::Refresh, Call::LogoutHere}) << 12;
    }

    void explore()
    {
        QFETCH(bool, signedIn);
        QFETCH(QList<int>, script);
        QFETCH(int, depth);
        World start = signedIn ? signedInWorld() : signedOutWorld();
        if (!signedIn && script.contains(int(Call::Restore))) {
            // A saved session from an earlier run whose access token is about to expire:
            // restoring it refreshes (lock, read, marker, refresh, save).
            World earlier = signedInWorld();
            start.saved = earlier.saved;
            start.liveAccess = earlier.liveAccess;
            start.liveRefresh = earlier.liveRefresh;
            start.accessOf = earlier.accessOf;
            start.issued = earlier.issued;
            start.ownLoginPairs = earlier.ownLoginPairs;
            start.now = earlier.now + 1000 * (kTtl - 1);
            start.core.setNow(start.now);
        }
        for (int c : script)
            start.script.push_back(Call(c));
        Explorer explorer;
        explorer.maxDepth = depth - kDepthCut;
        QElapsedTimer timer;
        timer.start();
        explorer.run(start);
        QVERIFY2(explorer.firstViolation.isEmpty(), qPrintable(explorer.firstViolation));
        qInfo("%llu states explored, %llu sequences, depth %d (bound %d), %lld ms", explorer.states,
              explorer.sequences, explorer.deepest, explorer.maxDepth, timer.elapsed());
        m_states += explorer.states;
        QVERIFY(explorer.states > 100); // the search did explore
    }

    void cleanupTestCase() { qInfo("%llu states explored in all", m_states); }

private:
    quint64 m_states = 0;
};

QTEST_GUILESS_MAIN(TestCoreExplore)
#include "tst_core_explore.moc"
