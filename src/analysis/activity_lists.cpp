// Resource levelling: precedence-feasible activity lists for the serial scheme, by priority
// keys or by regret-based biased random sampling.
#include "analysis/levelling_parts.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <utility>
#include <vector>

namespace clearpath::levelling_detail {

namespace {

// Below this many activities a comparison sort is quicker than the radix sort's histograms.
constexpr u32 kRadixFrom = 4096;

// A finish time (>= 0, finite) as an integer key whose ascending order is decreasing time: the
// bits of a non-negative double grow with its value (+ 0.0 turns -0 into +0).
std::uint64_t descending_key(double finish) {
  std::uint64_t bits = 0;
  const double v = finish + 0.0;
  std::memcpy(&bits, &v, sizeof bits);
  return ~bits;
}

}  // namespace

// By decreasing finish, ties later in from.list first. With finish-to-start links that order
// needs no topological walk: it is precedence-feasible the other way by itself, since an
// activity finishes no earlier than anything before it in its direction (its start is at least
// their finishes, and durations are not negative) and comes later in from.list. So it is a
// plain sort, which is the list that list_by_keys would make with these keys. A large list is
// sorted by radix (16-bit digits of the key, least significant first, digits that all agree
// skipped): the activities go in from the end of from.list, and a stable sort keeps that order
// among equal finishes.
// Other link types and negative lags break that: a start-to-start successor may finish before
// its predecessor, an SF or FF one, or one with a lead, may even start before it. Then the
// sorted order could place an activity before one its links depend on, so list_by_keys makes
// the list, on the same keys, and takes the first eligible activity instead.
void Leveller::list_by_finish(const SerialSchedule& from, bool reverse, std::vector<u32>& list) {
  if (typed_) {
    for (u32 k = 0; k < n_; ++k) {
      const u32 a = from.list[k];
      key1_[a] = -from.finish[a];
      key2_[a] = -static_cast<double>(k);
    }
    list_by_keys(reverse, list);
    return;
  }
  finished_.resize(n_);
  for (u32 k = 0; k < n_; ++k) finished_[k] = {descending_key(from.finish[from.list[n_ - 1 - k]]), n_ - 1 - k};
  if (n_ < kRadixFrom) {
    std::sort(finished_.begin(), finished_.end(),
              [](const Finished& x, const Finished& y) { return x.key != y.key ? x.key < y.key : x.place > y.place; });
  } else {
    radix_spare_.resize(n_);
    std::vector<u32> count(std::size_t{1} << 16);
    for (unsigned shift = 0; shift < 64; shift += 16) {
      std::fill(count.begin(), count.end(), 0);
      for (const Finished& f : finished_) ++count[(f.key >> shift) & 0xFFFF];
      if (count[(finished_[0].key >> shift) & 0xFFFF] == n_) continue;  // every key has this digit
      u32 sum = 0;
      for (u32& c : count) sum += std::exchange(c, sum);
      for (const Finished& f : finished_) radix_spare_[count[(f.key >> shift) & 0xFFFF]++] = f;
      finished_.swap(radix_spare_);
    }
  }
  list.resize(n_);
  for (u32 k = 0; k < n_; ++k) list[k] = from.list[finished_[k].place];
  work_ += n_;
}

// Precedence-feasible order (in the given direction): always the eligible activity with the
// smallest (key1_, key2_, index). The heap holds each activity's keys beside it, so comparing two
// reads no other memory (with a million activities, reading the keys by index was a cache miss a
// comparison). The order is total, so the list is the same however the heap is laid out.
void Leveller::list_by_keys(bool reverse, std::vector<u32>& list) {
  const Csr& bef = before(reverse);
  const Csr& aft = after(reverse);
  const auto later = [](const Keyed& x, const Keyed& y) {  // heap order: true when x comes after y
    if (x.key1 != y.key1) return x.key1 > y.key1;
    if (x.key2 != y.key2) return x.key2 > y.key2;
    return x.activity > y.activity;
  };
  heap_.clear();
  for (u32 a = 0; a < n_; ++a) {
    indegree_[a] = static_cast<u32>(bef.size(a));
    if (indegree_[a] == 0) heap_.push_back({key1_[a], key2_[a], a});
  }
  std::make_heap(heap_.begin(), heap_.end(), later);
  list.clear();
  while (!heap_.empty()) {
    std::pop_heap(heap_.begin(), heap_.end(), later);
    const u32 a = heap_.back().activity;
    heap_.pop_back();
    list.push_back(a);
    for (u32 i = aft.begin[a]; i < aft.begin[a + 1]; ++i)
      if (const u32 next = aft.item[i]; --indegree_[next] == 0) {
        heap_.push_back({key1_[next], key2_[next], next});
        std::push_heap(heap_.begin(), heap_.end(), later);
      }
  }
  work_ += n_;
}

// Regret-based biased random sampling on the latest finish (Kolisch & Drexl 1996), alpha = 1:
// an eligible activity j is picked with probability proportional to
// max_{i eligible} LFT_i - LFT_j + epsilon (epsilon = regret_offset_). The eligible set lives in
// two Fenwick trees over the activities ranked by LFT (count and LFT sum), so one pick costs
// O(log n) however large the eligible set: the weight of a prefix of ranks is
// count * (max + epsilon) - sum.
void Leveller::list_by_rbrs(bool reverse, std::vector<u32>& list) {
  const Csr& bef = before(reverse);
  const Csr& aft = after(reverse);
  const Ranking& rk = ranking(reverse);
  fen_count_.assign(n_ + 1, 0.0);
  fen_sum_.assign(n_ + 1, 0.0);
  present_.assign(n_ + 1, 0);
  std::size_t count = 0;
  const auto insert = [&](u32 a) {
    const std::size_t r = rk.rank[a];
    present_[r] = 1;
    ++count;
    for (std::size_t i = r; i <= n_; i += i & (~i + 1)) {
      fen_count_[i] += 1;
      fen_sum_[i] += rk.value[r];
    }
  };
  const auto erase = [&](std::size_t r) {
    present_[r] = 0;
    --count;
    for (std::size_t i = r; i <= n_; i += i & (~i + 1)) {
      fen_count_[i] -= 1;
      fen_sum_[i] -= rk.value[r];
    }
  };
  // The rank of the k-th present activity (1-based k).
  const auto kth = [&](double k) {
    std::size_t pos = 0;
    for (std::size_t step = fen_top_; step > 0; step >>= 1)
      if (pos + step <= n_ && fen_count_[pos + step] < k) {
        pos += step;
        k -= fen_count_[pos];
      }
    return pos + 1;
  };
  for (u32 a = 0; a < n_; ++a) {
    indegree_[a] = static_cast<u32>(bef.size(a));
    if (indegree_[a] == 0) insert(a);
  }
  list.clear();
  while (count > 0) {
    const double top = rk.value[kth(static_cast<double>(count))] + regret_offset_;
    double total = 0;  // the weight of all: count * top - sum, from the tree's root path
    {
      double c = 0, sum = 0;
      for (std::size_t i = n_; i > 0; i -= i & (~i + 1)) {
        c += fen_count_[i];
        sum += fen_sum_[i];
      }
      total = c * top - sum;
    }
    double x = rng_.uniform() * total;
    std::size_t pos = 0;
    for (std::size_t step = fen_top_; step > 0; step >>= 1) {
      if (pos + step > n_) continue;
      const double w = fen_count_[pos + step] * top - fen_sum_[pos + step];
      if (w <= x) {
        pos += step;
        x -= w;
      }
    }
    std::size_t r = pos + 1;
    if (r > n_ || !present_[r]) {  // rounding: take the next present rank, else the last
      double before_r = 0;
      for (std::size_t i = std::min(r, static_cast<std::size_t>(n_)); i > 0; i -= i & (~i + 1))
        before_r += fen_count_[i];
      r = kth(std::min(before_r + 1, static_cast<double>(count)));
    }
    erase(r);
    const u32 a = rk.order[r];
    list.push_back(a);
    for (u32 i = aft.begin[a]; i < aft.begin[a + 1]; ++i)
      if (--indegree_[aft.item[i]] == 0) insert(aft.item[i]);
  }
  work_ += n_;
}

}  // namespace clearpath::levelling_detail
