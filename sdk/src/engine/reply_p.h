#pragma once

#include <CoCart/Reply.h>

#include "transport_p.h"

#include <QMutex>

#include <functional>
#include <memory>

namespace CoCart {

/*!
    \internal
    The SDK's side of a Reply: whoever runs the call settles it once with finish() or fail();
    later settlements are ignored, so "exactly one outcome" holds however the paths race.
*/
class ReplyPrivate
{
public:
    explicit ReplyPrivate(Reply *q) : q(q) { }

    static Reply *create(QObject *parent);
    static ReplyPrivate *get(Reply *reply) { return reply->d.get(); }

    //! Called by abort() before the reply fails with Cancelled: stop the work behind it.
    std::function<void()> onAbort;

    bool finish(const ApiResponse &response);
    bool fail(const Error &error, const ApiResponse &response = {});
    //! The same, from the event loop: the caller gets the reply before its outcome.
    void finishLater(const ApiResponse &response);
    void failLater(const Error &error);
    //! Settles like \a other did (an operation ending with the network call it made).
    void settleLike(Reply *other);

    /*!
        A then() callback, which may run in another thread, holds the Reply alive until it has
        run or was dropped with its context. Shared with the callbacks, so a hold released after
        the Reply was destroyed (by a caller that kept it) touches nothing.
    */
    struct Life
    {
        QMutex mutex;
        Reply *reply = nullptr;
        int holds = 0;
    };
    //! A token whose destruction releases the hold.
    std::shared_ptr<Reply> hold();
    bool isHeld() const;

    Reply *q;
    bool running = true;
    bool autoDelete = true;
    bool deleteScheduled = false;
    std::shared_ptr<Life> life = std::make_shared<Life>();
    ApiResponse response;
    Error error;

    //! Deletes the Reply from its event loop once nothing needs it (autoDelete, no hold).
    void scheduleDelete();

private:
    bool settle(const ApiResponse &response, const Error &error);
};

} // namespace CoCart
