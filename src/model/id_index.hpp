#pragma once
// id -> Ref, an open-addressing hash table over the ids stored in the model. With a million
// entities it is several times faster than std::unordered_map (one probe, no node per id).
// Private to the library.
#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>
#include <deque>
#include <functional>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "clearpath/entities.hpp"

namespace clearpath {

// What the index works out from an id before it looks anywhere: its first 8 bytes and 32 bits of
// its hash (whose low 4 bits are its length, up to 15). Worked out once per mention, possibly on
// another thread than the lookup (the clean reader's steps).
struct IdProbe {
  std::uint64_t head = 0;
  std::uint32_t tag = 0;
};

class IdIndex {
 public:
  // `ids` holds the id of every Ref; the index only refers to it.
  explicit IdIndex(const std::deque<std::string>& ids) : ids_(&ids) {}

  std::optional<Ref> find(std::string_view id) const {
    if (slots_.empty()) return std::nullopt;
    const IdProbe p = probe(id);
    for (std::size_t i = home(p.tag);; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.ref1 == 0) return std::nullopt;
      if (matches(s, p, id)) return s.ref1 - 1;
    }
  }

  // The Ref of `id` when present; otherwise adds id -> fresh (the caller then stores the id as
  // Ref `fresh`) and returns it. One probe sequence either way.
  Ref find_or_add(std::string_view id, Ref fresh) { return find_or_add(id, probe(id), fresh); }
  Ref find_or_add(std::string_view id, const IdProbe& p, Ref fresh) {
    if ((count_ + 1) * 4 > slots_.size() * 3) grow();
    std::size_t i = home(p.tag);
    for (;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.ref1 == 0) break;
      if (matches(s, p, id)) return s.ref1 - 1;
    }
    slots_[i] = {p.head, p.tag, fresh + 1};
    ++count_;
    return fresh;
  }

  // Warms the cache for a lookup of the id of `p` soon after: its home slot. With a million ids
  // each lookup is a cache miss or two; asking for several before looking any up overlaps them.
  void prefetch(const IdProbe& p) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[home(p.tag)]);
  }

  static IdProbe probe(std::string_view id) {
    std::uint64_t x = std::_Hash_bytes(id.data(), id.size(), static_cast<std::size_t>(seed()));
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    const auto length = static_cast<std::uint32_t>(std::min<std::size_t>(id.size(), 15));
    IdProbe p{0, (static_cast<std::uint32_t>(x >> 32) & ~0xFu) | length};
    if (!id.empty()) std::memcpy(&p.head, id.data(), std::min(id.size(), kInline));  // data() may be null
    return p;
  }

  // Adds id -> r; the id must not be present yet.
  void insert(std::string_view id, Ref r) {
    if ((count_ + 1) * 4 > slots_.size() * 3) grow();
    const IdProbe p = probe(id);
    place({p.head, p.tag, r + 1});
    ++count_;
  }

 private:
  // A slot holds the id's first 8 bytes and 32 bits of its hash (whose low 4 bits are its
  // length, up to 15) beside its Ref + 1 (0: empty). An id of at most 8 bytes is then found
  // without reading the ids at all (with a million ids, that read was a cache miss a lookup);
  // a longer one is compared in full only when its first 8 bytes and hash agree.
  struct Slot {
    std::uint64_t head = 0;
    std::uint32_t tag = 0;
    std::uint32_t ref1 = 0;
  };
  static constexpr std::size_t kInline = sizeof(std::uint64_t);

  // Seeded per process, so ids crafted to collide cannot make interning quadratic (the table
  // is never iterated, so output does not depend on the seed).
  static std::uint64_t seed() {
    static const std::uint64_t s = (static_cast<std::uint64_t>(std::random_device{}()) << 32) ^ std::random_device{}();
    return s;
  }
  bool matches(const Slot& s, const IdProbe& p, std::string_view id) const {
    if (s.tag != p.tag || s.head != p.head) return false;
    return id.size() <= kInline || (*ids_)[s.ref1 - 1] == id;
  }
  // Fibonacci hashing: the top bits of the tag's hash times 2^64/phi, so every bit of it moves
  // the place. The slot's place is worked out from its tag alone, so growing the table never
  // reads the ids again.
  std::size_t home(std::uint32_t tag) const {
    return static_cast<std::size_t>((static_cast<std::uint64_t>(tag >> 4) * 0x9E3779B97F4A7C15ULL) >> shift_);
  }

  void place(const Slot& s) {
    std::size_t i = home(s.tag);
    while (slots_[i].ref1 != 0) i = (i + 1) & mask_;
    slots_[i] = s;
  }

  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 64 : old.size() * 2, Slot{});
    mask_ = slots_.size() - 1;
    shift_ = 64 - static_cast<unsigned>(std::countr_zero(slots_.size()));
    for (const Slot& s : old)
      if (s.ref1 != 0) place(s);
  }

  const std::deque<std::string>* ids_;
  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
  unsigned shift_ = 64;
  std::size_t count_ = 0;
};

}  // namespace clearpath
