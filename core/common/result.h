#pragma once
// The value-or-error type that core/ returns at its public edge (C++20 has no std::expected).
#include <QString>
#include <optional>
#include <utility>

namespace lab {

// An error message meant for a person: it names the file or object and says what went wrong.
struct Error
{
    QString message;
};

template <typename T>
class Result
{
public:
    Result(T value) : m_value(std::move(value)) {}
    Result(Error error) : m_error(std::move(error.message)) {}

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    const QString &error() const { return m_error; }

    T &value() & { return *m_value; }
    const T &value() const & { return *m_value; }
    T &&value() && { return std::move(*m_value); }
    T *operator->() { return &*m_value; }
    const T *operator->() const { return &*m_value; }
    T &operator*() { return *m_value; }
    const T &operator*() const { return *m_value; }

private:
    std::optional<T> m_value;
    QString m_error;
};

// Result<void>: success or an error message.
class Status
{
public:
    Status() = default;
    Status(Error error) : m_error(std::move(error.message)), m_failed(true) {}
    static Status success() { return {}; }

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const QString &error() const { return m_error; }

private:
    QString m_error;
    bool m_failed = false;
};

inline Error fail(QString message) { return Error{std::move(message)}; }

} // namespace lab
