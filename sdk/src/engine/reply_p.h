#pragma once

#include <CoCart/Reply.h>

#include "transport_p.h"

#include <functional>

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

    Reply *q;
    bool running = true;
    bool autoDelete = true;
    ApiResponse response;
    Error error;

private:
    bool settle(const ApiResponse &response, const Error &error);
};

} // namespace CoCart
