#include "template_miner.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>
#include <string_view>
#include <unordered_map>

namespace lab {
namespace {

constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
constexpr std::uint32_t kWildcardId = 0;
constexpr size_t kMaxLeafScan = 512;

// A multiply-xorshift hash over 8-byte little-endian words: tokens are short, and this runs once
// per token. HashState lets the tokenizer hash while it looks for the token's end.
constexpr std::uint64_t kHashMul = 0x9E3779B97F4A7C15ull;

struct HashState
{
    std::uint64_t h = 0xCBF29CE484222325ull;
    std::uint64_t word = 0;
    unsigned shift = 0;

    void add(char c)
    {
        word |= std::uint64_t(std::uint8_t(c)) << shift;
        shift += 8;
        if (shift == 64)
            mix();
    }
    void mix()
    {
        h = (h ^ word) * kHashMul;
        h ^= h >> 29;
        word = 0;
        shift = 0;
    }
    std::uint64_t finish(size_t length)
    {
        if (shift > 0)
            mix();
        std::uint64_t r = (h ^ (length * kHashMul)) * kHashMul;
        return r ^ (r >> 32);
    }
};

inline std::uint64_t hashBytes(std::string_view s)
{
    HashState state;
    for (char c : s)
        state.add(c);
    return state.finish(s.size());
}

// Token text <-> dense id. Open addressing with linear probing; the texts live in fixed chunks
// so the views stay valid as the table grows.
class TokenInterner
{
public:
    TokenInterner()
    {
        m_slots.assign(1024, Slot{});
        intern(kTemplateWildcard); // id 0
    }

    std::uint32_t intern(std::string_view s) { return intern(s, hashBytes(s)); }

    // `h` must be hashBytes(s).
    std::uint32_t intern(std::string_view s, std::uint64_t h)
    {
        size_t mask = m_slots.size() - 1;
        size_t i = size_t(h) & mask;
        while (true) {
            const Slot &slot = m_slots[i];
            if (slot.id == kNone)
                break;
            if (slot.hash == h && m_texts[slot.id] == s)
                return slot.id;
            i = (i + 1) & mask;
        }
        const auto id = std::uint32_t(m_texts.size());
        m_texts.push_back(store(s));
        m_hasDigit.push_back(
            std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }));
        m_hasWildcard.push_back(s.find(kTemplateWildcard) != std::string_view::npos);
        m_slots[i] = Slot{h, id};
        if (m_texts.size() * 2 > m_slots.size())
            grow();
        return id;
    }

    std::string_view text(std::uint32_t id) const { return m_texts[id]; }
    bool hasDigit(std::uint32_t id) const { return m_hasDigit[id]; }
    bool hasWildcard(std::uint32_t id) const { return m_hasWildcard[id]; }

private:
    struct Slot
    {
        std::uint64_t hash = 0;
        std::uint32_t id = kNone;
    };

    std::string_view store(std::string_view s)
    {
        if (s.empty())
            return {};
        if (s.size() > kChunkSize / 4) {
            m_big.push_back(std::make_unique<char[]>(s.size()));
            std::memcpy(m_big.back().get(), s.data(), s.size());
            return {m_big.back().get(), s.size()};
        }
        if (m_chunks.empty() || m_chunkUsed + s.size() > kChunkSize) {
            m_chunks.push_back(std::make_unique<char[]>(kChunkSize));
            m_chunkUsed = 0;
        }
        char *dst = m_chunks.back().get() + m_chunkUsed;
        std::memcpy(dst, s.data(), s.size());
        m_chunkUsed += s.size();
        return {dst, s.size()};
    }

    void grow()
    {
        std::vector<Slot> old(m_slots.size() * 2);
        old.swap(m_slots);
        const size_t mask = m_slots.size() - 1;
        for (const Slot &slot : old) {
            if (slot.id == kNone)
                continue;
            size_t i = size_t(slot.hash) & mask;
            while (m_slots[i].id != kNone)
                i = (i + 1) & mask;
            m_slots[i] = slot;
        }
    }

    static constexpr size_t kChunkSize = 64 * 1024;
    std::vector<Slot> m_slots;
    std::vector<std::string_view> m_texts;
    std::vector<bool> m_hasDigit;
    std::vector<bool> m_hasWildcard;
    std::vector<std::unique_ptr<char[]>> m_chunks;
    std::vector<std::unique_ptr<char[]>> m_big;
    size_t m_chunkUsed = 0;
};

struct Node
{
    std::uint32_t childCount = 0;
    std::uint32_t wildcardChild = kNone;
    std::vector<std::uint32_t> clusters; // only at the leaf layer
};

struct Cluster
{
    std::vector<std::uint32_t> tokens;
    qint64 count = 0;
};

} // namespace

QString templateLabel(int id)
{
    return QStringLiteral("T%1").arg(id + 1);
}

struct TemplateMiner::Impl
{
    TemplateMinerConfig config;
    int prefixTokens = 1;
    TokenInterner tokens;
    std::vector<Node> nodes;
    std::vector<std::uint32_t> lengthRoots;                 // token count -> node
    std::unordered_map<std::uint64_t, std::uint32_t> edges; // (node << 32 | token) -> child
    std::vector<Cluster> clusters;
    std::uint32_t emptyCluster = kNone;

    // Reused per line.
    std::string masked;
    std::vector<std::uint32_t> seq;
    QByteArray extraMasked;

    static std::uint64_t edgeKey(std::uint32_t node, std::uint32_t token)
    {
        return (std::uint64_t(node) << 32) | token;
    }

    std::uint32_t child(std::uint32_t node, std::uint32_t token) const
    {
        const auto it = edges.find(edgeKey(node, token));
        return it == edges.end() ? kNone : it->second;
    }

    std::uint32_t newNode()
    {
        nodes.emplace_back();
        return std::uint32_t(nodes.size() - 1);
    }

    std::uint32_t addChild(std::uint32_t parent, std::uint32_t token)
    {
        const std::uint32_t n = newNode();
        edges.emplace(edgeKey(parent, token), n);
        ++nodes[parent].childCount;
        if (token == kWildcardId)
            nodes[parent].wildcardChild = n;
        return n;
    }

    // The leaf a sequence routes to, or kNone (Drain's treeSearch).
    std::uint32_t findLeaf() const
    {
        const size_t len = seq.size();
        if (len >= lengthRoots.size() || lengthRoots[len] == kNone)
            return kNone;
        std::uint32_t node = lengthRoots[len];
        const size_t depth = std::min<size_t>(size_t(prefixTokens), len);
        for (size_t i = 0; i < depth; ++i) {
            std::uint32_t next = child(node, seq[i]);
            if (next == kNone)
                next = nodes[node].wildcardChild;
            if (next == kNone)
                return kNone;
            node = next;
        }
        return node;
    }

    // Creates the path for a new template (Drain's addSeqToPrefixTree) and returns its leaf.
    std::uint32_t addPath()
    {
        const size_t len = seq.size();
        if (len >= lengthRoots.size())
            lengthRoots.resize(len + 1, kNone);
        if (lengthRoots[len] == kNone) {
            const std::uint32_t root = newNode();
            lengthRoots[len] = root;
        }
        std::uint32_t node = lengthRoots[len];
        const size_t depth = std::min<size_t>(size_t(prefixTokens), len);
        const std::uint32_t maxChildren = std::uint32_t(std::max(1, config.maxChildren));
        for (size_t i = 0; i < depth; ++i) {
            const std::uint32_t token = seq[i];
            const std::uint32_t existing = child(node, token);
            if (existing != kNone) {
                node = existing;
                continue;
            }
            const Node &n = nodes[node];
            if (tokens.hasDigit(token)) {
                // Tokens that still hold digits are likely values: they share the `<*>` child.
                node = n.wildcardChild != kNone ? n.wildcardChild : addChild(node, kWildcardId);
            } else if (n.wildcardChild != kNone) {
                node = n.childCount < maxChildren ? addChild(node, token) : n.wildcardChild;
            } else if (n.childCount + 1 < maxChildren) {
                node = addChild(node, token);
            } else if (n.childCount + 1 == maxChildren) {
                node = addChild(node, kWildcardId);
            } else {
                node = n.wildcardChild;
            }
        }
        return node;
    }

    // The template for the sequence in a leaf (Drain's fastMatch, with one addition). A template
    // that already covers the sequence (equal wherever the template is not `<*>`) wins outright:
    // Drain's share of equal tokens leaves wildcards out, so a heavily masked message could fail
    // the threshold against its own template. Otherwise: the highest share of equal non-wildcard
    // tokens if it passes the threshold, ties to the template with more wildcards.
    //
    // Lines that never merge (free text, garbage) make a leaf grow with every line, and Drain's
    // scan turns quadratic: 200,000 random lines took minutes. So only the newest kMaxLeafScan
    // templates of a leaf are compared; real logs stay far below it (loghub: 120 templates in a
    // whole file), so it changes nothing there.
    std::uint32_t bestMatch(std::uint32_t leaf) const
    {
        const size_t len = seq.size();
        std::uint32_t best = kNone, bestCover = kNone;
        long bestSim = -1, bestWild = -1, coverWild = 0;
        const std::uint32_t *s = seq.data();
        const std::vector<std::uint32_t> &all = nodes[leaf].clusters;
        const size_t from = all.size() > kMaxLeafScan ? all.size() - kMaxLeafScan : 0;
        for (size_t k = from; k < all.size(); ++k) {
            const std::uint32_t c = all[k];
            const std::uint32_t *t = clusters[c].tokens.data();
            long sim = 0, wild = 0;
            for (size_t i = 0; i < len; ++i) {
                wild += t[i] == kWildcardId;
                sim += t[i] != kWildcardId && t[i] == s[i];
            }
            if (size_t(sim + wild) == len && (bestCover == kNone || wild < coverWild)) {
                bestCover = c;
                coverWild = wild;
            }
            if (sim > bestSim || (sim == bestSim && wild > bestWild)) {
                best = c;
                bestSim = sim;
                bestWild = wild;
            }
        }
        if (bestCover != kNone)
            return bestCover;
        if (best == kNone || double(bestSim) / double(len) < config.similarity)
            return kNone;
        return best;
    }

    int addMasked()
    {
        seq.clear();
        const char *p = masked.data();
        const char *end = p + masked.size();
        while (p < end) {
            // The masker separates tokens by exactly one space.
            HashState hash;
            const char *tokenEnd = p;
            for (; tokenEnd < end && *tokenEnd != ' '; ++tokenEnd)
                hash.add(*tokenEnd);
            const std::string_view token(p, size_t(tokenEnd - p));
            const std::uint32_t id = tokens.intern(token, hash.finish(token.size()));
            // A run of equal masked tokens is one variable whatever its length: a list of block
            // ids ("blk_<*> blk_<*> blk_<*>"), or a date spread over several tokens.
            const bool repeat = !seq.empty() && seq.back() == id && tokens.hasWildcard(id);
            if (!repeat)
                seq.push_back(id);
            p = tokenEnd + 1;
        }
        if (seq.empty()) {
            if (emptyCluster == kNone) {
                clusters.emplace_back();
                emptyCluster = std::uint32_t(clusters.size() - 1);
            }
            ++clusters[emptyCluster].count;
            return int(emptyCluster);
        }
        std::uint32_t leaf = findLeaf();
        std::uint32_t match = leaf == kNone ? kNone : bestMatch(leaf);
        if (match == kNone) {
            clusters.push_back(Cluster{seq, 1});
            match = std::uint32_t(clusters.size() - 1);
            leaf = addPath();
            nodes[leaf].clusters.push_back(match);
            return int(match);
        }
        Cluster &cluster = clusters[match];
        ++cluster.count;
        for (size_t i = 0; i < seq.size(); ++i) {
            if (cluster.tokens[i] != seq[i])
                cluster.tokens[i] = kWildcardId;
        }
        return int(match);
    }

    int add(std::string_view message)
    {
        masked.clear();
        if (!config.extraMasks.isEmpty()) {
            QString text = QString::fromUtf8(message.data(), qsizetype(message.size()));
            for (const QRegularExpression &re : std::as_const(config.extraMasks)) {
                if (re.isValid())
                    text.replace(re, QStringLiteral("<*>"));
            }
            extraMasked = text.toUtf8();
            message = std::string_view(extraMasked.constData(), size_t(extraMasked.size()));
        }
        maskMessageInto(message, config.masks, masked);
        return addMasked();
    }

    QString text(int id) const
    {
        std::string out;
        for (std::uint32_t t : clusters[size_t(id)].tokens) {
            if (!out.empty())
                out.push_back(' ');
            out.append(tokens.text(t));
        }
        return QString::fromUtf8(out.data(), qsizetype(out.size()));
    }
};

TemplateMiner::TemplateMiner(TemplateMinerConfig config) : d(std::make_unique<Impl>())
{
    d->config = std::move(config);
    d->prefixTokens = std::max(0, d->config.depth - 3);
    d->nodes.reserve(1024);
}

TemplateMiner::~TemplateMiner() = default;
TemplateMiner::TemplateMiner(TemplateMiner &&) noexcept = default;
TemplateMiner &TemplateMiner::operator=(TemplateMiner &&) noexcept = default;

int TemplateMiner::add(QByteArrayView utf8Message)
{
    return d->add(std::string_view(utf8Message.data(), size_t(utf8Message.size())));
}

int TemplateMiner::add(QStringView message)
{
    const QByteArray utf8 = message.toUtf8();
    return d->add(std::string_view(utf8.constData(), size_t(utf8.size())));
}

int TemplateMiner::templateCount() const
{
    return int(d->clusters.size());
}

QString TemplateMiner::templateText(int id) const
{
    if (id < 0 || id >= templateCount())
        return {};
    return d->text(id);
}

qint64 TemplateMiner::templateLineCount(int id) const
{
    if (id < 0 || id >= templateCount())
        return 0;
    return d->clusters[size_t(id)].count;
}

std::vector<TemplateInfo> TemplateMiner::templates() const
{
    std::vector<TemplateInfo> out;
    out.reserve(d->clusters.size());
    for (int id = 0; id < templateCount(); ++id)
        out.push_back(TemplateInfo{id, d->text(id), d->clusters[size_t(id)].count});
    return out;
}

const TemplateMinerConfig &TemplateMiner::config() const
{
    return d->config;
}

} // namespace lab
