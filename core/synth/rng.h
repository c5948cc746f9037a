#pragma once
// The synthetic domain's random source. Same seed, same bytes on every platform: the engine is
// std::mt19937_64 (its output sequence is fixed by the standard), but the distributions are our
// own, because std::uniform_int_distribution and friends differ between standard libraries.
#include <QString>
#include <QStringList>
#include <QtGlobal>
#include <random>
#include <vector>

namespace lab::synth {

// SplitMix64 finaliser: turns (seed, stream) pairs into well-spread, independent seeds, so
// incident i of seed S is the same whatever the incident count.
inline quint64 mixSeed(quint64 seed, quint64 stream)
{
    quint64 z = seed + 0x9E3779B97F4A7C15ULL * (stream + 1);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

class Rng
{
public:
    explicit Rng(quint64 seed) : m_engine(seed) {}

    quint64 next() { return m_engine(); }

    // Uniform integer in [lo, hi], both inclusive, by rejection (no modulo bias).
    qint64 uniform(qint64 lo, qint64 hi)
    {
        if (hi <= lo)
            return lo;
        const quint64 span = quint64(hi - lo) + 1;
        const quint64 limit = ~quint64(0) - (~quint64(0) % span);
        quint64 x = next();
        while (x >= limit)
            x = next();
        return lo + qint64(x % span);
    }
    int uniformInt(int lo, int hi) { return int(uniform(lo, hi)); }

    // Uniform double in [0, 1) from the top 53 bits.
    double real() { return double(next() >> 11) * (1.0 / 9007199254740992.0); }
    double real(double lo, double hi) { return lo + (hi - lo) * real(); }
    bool chance(double p) { return real() < p; }

    template <typename T>
    const T &pick(const std::vector<T> &items)
    {
        return items[size_t(uniform(0, qint64(items.size()) - 1))];
    }
    QString pick(const QStringList &items) { return items.at(int(uniform(0, items.size() - 1))); }

    template <typename T>
    void shuffle(T &items)
    {
        for (qsizetype i = qsizetype(items.size()) - 1; i > 0; --i) {
            const qsizetype j = qsizetype(uniform(0, i));
            std::swap(items[i], items[j]);
        }
    }

    // Identifier material.
    QString hex(int length)
    {
        static const char digits[] = "0123456789abcdef";
        QString s(length, QLatin1Char('0'));
        for (int i = 0; i < length; ++i)
            s[i] = QLatin1Char(digits[uniform(0, 15)]);
        return s;
    }
    QString digits(int length)
    {
        QString s(length, QLatin1Char('0'));
        for (int i = 0; i < length; ++i)
            s[i] = QLatin1Char(char('0' + uniform(i == 0 ? 1 : 0, 9)));
        return s;
    }
    QString upperAlnum(int length)
    {
        static const char chars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        QString s(length, QLatin1Char('A'));
        for (int i = 0; i < length; ++i)
            s[i] = QLatin1Char(chars[uniform(0, 35)]);
        return s;
    }
    // Kubernetes' pod-name suffix alphabet (no vowels, no look-alike digits).
    QString kubeSuffix(int length)
    {
        static const char chars[] = "bcdfghjklmnpqrstvwxz2456789";
        QString s(length, QLatin1Char('b'));
        for (int i = 0; i < length; ++i)
            s[i] = QLatin1Char(chars[uniform(0, 26)]);
        return s;
    }
    QString uuid()
    {
        return hex(8) + QLatin1Char('-') + hex(4) + QLatin1Char('-') + hex(4) + QLatin1Char('-') + hex(4)
               + QLatin1Char('-') + hex(12);
    }
    QString privateIp()
    {
        return QStringLiteral("10.%1.%2.%3").arg(uniform(0, 40)).arg(uniform(0, 255)).arg(uniform(2, 254));
    }

private:
    std::mt19937_64 m_engine;
};

} // namespace lab::synth
