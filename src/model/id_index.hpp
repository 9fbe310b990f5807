#pragma once
// id -> Ref, an open-addressing hash table over the ids stored in the model. With a million
// entities it is several times faster than std::unordered_map (one probe, no node per id).
// Private to the library.
#include <bit>
#include <cstdint>
#include <deque>
#include <functional>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "clearpath/entities.hpp"

namespace clearpath {

class IdIndex {
 public:
  // `ids` holds the id of every Ref; the index only refers to it.
  explicit IdIndex(const std::deque<std::string>& ids) : ids_(&ids) {}

  std::optional<Ref> find(std::string_view id) const {
    if (slots_.empty()) return std::nullopt;
    const std::uint32_t t = tag(id);
    for (std::size_t i = home(t);; i = (i + 1) & mask_) {
      const std::uint64_t s = slots_[i];
      if (s == 0) return std::nullopt;
      if ((s >> 32) == t && (*ids_)[ref_of(s)] == id) return ref_of(s);
    }
  }

  // The Ref of `id` when present; otherwise adds id -> fresh (the caller then stores the id as
  // Ref `fresh`) and returns it. One probe sequence either way.
  Ref find_or_add(std::string_view id, Ref fresh) {
    if ((count_ + 1) * 2 > slots_.size()) grow();
    const std::uint32_t t = tag(id);
    std::size_t i = home(t);
    for (;; i = (i + 1) & mask_) {
      const std::uint64_t s = slots_[i];
      if (s == 0) break;
      if ((s >> 32) == t && (*ids_)[ref_of(s)] == id) return ref_of(s);
    }
    slots_[i] = slot(t, fresh);
    ++count_;
    return fresh;
  }

  // Warms the cache for a lookup of `id` soon after: its home slot. With a million ids each
  // lookup is a cache miss or two; asking for several before looking any up overlaps them.
  void prefetch(std::string_view id) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[home(tag(id))]);
  }

  // Adds id -> r; the id must not be present yet.
  void insert(std::string_view id, Ref r) {
    if ((count_ + 1) * 2 > slots_.size()) grow();
    place(tag(id), r);
    ++count_;
  }

 private:
  // Seeded per process, so ids crafted to collide cannot make interning quadratic (the table
  // is never iterated, so output does not depend on the seed).
  static std::uint64_t seed() {
    static const std::uint64_t s = (static_cast<std::uint64_t>(std::random_device{}()) << 32) ^ std::random_device{}();
    return s;
  }
  // 32 bits of the id's hash. A slot keeps them beside its Ref, and the slot's place is worked
  // out from them alone, so growing the table never reads the ids again (with a million ids
  // that re-reading, a cache miss each, cost as much as all the lookups).
  static std::uint32_t tag(std::string_view id) {
    std::uint64_t x = std::_Hash_bytes(id.data(), id.size(), static_cast<std::size_t>(seed()));
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    return static_cast<std::uint32_t>(x >> 32);
  }
  // Fibonacci hashing: the top bits of tag times 2^64/phi, so every bit of the tag moves the
  // place, and the tag still filters collisions within a probe run.
  std::size_t home(std::uint32_t t) const {
    return static_cast<std::size_t>((static_cast<std::uint64_t>(t) * 0x9E3779B97F4A7C15ULL) >> shift_);
  }
  static std::uint64_t slot(std::uint32_t t, Ref r) {
    return (static_cast<std::uint64_t>(t) << 32) | (static_cast<std::uint64_t>(r) + 1);
  }
  static Ref ref_of(std::uint64_t slot) { return static_cast<Ref>((slot & 0xffffffffULL) - 1); }

  void place(std::uint32_t t, Ref r) {
    std::size_t i = home(t);
    while (slots_[i] != 0) i = (i + 1) & mask_;
    slots_[i] = slot(t, r);
  }

  void grow() {
    std::vector<std::uint64_t> old = std::move(slots_);
    slots_.assign(old.empty() ? 64 : old.size() * 2, 0);
    mask_ = slots_.size() - 1;
    shift_ = 64 - static_cast<unsigned>(std::countr_zero(slots_.size()));
    for (std::uint64_t s : old)
      if (s != 0) place(static_cast<std::uint32_t>(s >> 32), ref_of(s));
  }

  const std::deque<std::string>* ids_;
  std::vector<std::uint64_t> slots_;
  std::size_t mask_ = 0;
  unsigned shift_ = 64;
  std::size_t count_ = 0;
};

}  // namespace clearpath
