// The clean reader's steps of a large file in two threads: the reader's thread walks the file
// and reads each step's fields (PendingStep), a second thread interns their ids and adds them to
// the builder, in file order, a batch at a time. The two halves take about as long, so a
// million steps are read in a little more than half the time. Interning stays in file order, so
// every Ref is what the one-thread read gives; the first step refused is where the read stops,
// as it would have been.
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>

#include "io/json/clean_reader.hpp"

namespace clearpath::clean {

class StepPipeline {
 public:
  explicit StepPipeline(Reader& reader) : reader_(reader) {
    for (Batch& b : batches_) {
      b.items.resize(kBatch);
      free_.push_back(&b);
    }
    worker_ = std::thread([this] { run(); });
  }
  StepPipeline(const StepPipeline&) = delete;
  StepPipeline& operator=(const StepPipeline&) = delete;
  ~StepPipeline() {
    if (!worker_.joinable()) return;
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      closing_ = true;
    }
    changed_.notify_all();
    worker_.join();
  }

  // The next step to fill, reset (waits while every batch is with the builder).
  PendingStep& slot() {
    if (!filling_) {
      std::unique_lock<std::mutex> lock(mutex_);
      changed_.wait(lock, [&] { return !free_.empty(); });
      filling_ = free_.front();
      free_.pop_front();
    }
    PendingStep& p = filling_->items[filling_->count];
    p.reset();
    return p;
  }
  // The slot is filled: hands its batch over once full.
  void commit() {
    if (++filling_->count == kBatch) hand_over();
  }
  bool failed() const {
    const std::lock_guard<std::mutex> lock(mutex_);
    return failed_;
  }
  // Hands the rest over and waits until every step is built; false when one was refused, at
  // failure(). Rethrows what building threw (out of memory).
  bool finish() {
    if (filling_ && filling_->count > 0) hand_over();
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      closing_ = true;
    }
    changed_.notify_all();
    worker_.join();
    if (error_) std::rethrow_exception(error_);
    return !failed_;
  }
  const CleanStop& failure() const { return failure_; }

 private:
  static constexpr std::size_t kBatch = 1024, kBatches = 4;
  struct Batch {
    std::vector<PendingStep> items;
    std::size_t count = 0;
  };

  void hand_over() {
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      full_.push_back(filling_);
    }
    filling_ = nullptr;
    changed_.notify_all();
  }

  // The builder's thread: batches in order; after a refusal, the rest are only given back.
  void run() {
    for (;;) {
      Batch* batch = nullptr;
      bool skip = false;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        changed_.wait(lock, [&] { return !full_.empty() || closing_; });
        if (full_.empty()) return;
        batch = full_.front();
        full_.pop_front();
        skip = failed_;
      }
      const bool refused = !skip && !build(*batch);
      {
        const std::lock_guard<std::mutex> lock(mutex_);
        failed_ = failed_ || refused;
        batch->count = 0;
        free_.push_back(batch);
      }
      changed_.notify_all();
    }
  }
  bool build(Batch& batch) {
    try {
      for (std::size_t i = 0; i < batch.count; ++i) {
        PendingStep& p = batch.items[i];
        if (!reader_.build_step(p)) {
          failure_ = {p.offset, EntityKind::step, p.index};
          return false;
        }
      }
      return true;
    } catch (...) {
      error_ = std::current_exception();
      failure_ = {};
      return false;
    }
  }

  Reader& reader_;
  Batch batches_[kBatches];
  Batch* filling_ = nullptr;        // the reader's thread only
  std::deque<Batch*> free_, full_;  // under mutex_
  bool closing_ = false, failed_ = false;
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  CleanStop failure_;  // the builder's thread writes it before failed_, read after join
  std::exception_ptr error_;
  std::thread worker_;
};

Reader::Reader(ModelBuilder& builder, std::string_view text, ProgressPhase* progress, bool file_mapping)
    : builder_(builder), text_(text.data()), size_(text.size()), progress_(progress), file_mapping_(file_mapping) {}

Reader::~Reader() = default;

bool Reader::pipelined_step(od::object& o, std::uint32_t index) {
  if (!pipeline_) pipeline_ = std::make_unique<StepPipeline>(*this);
  if (pipeline_->failed()) return false;
  PendingStep& p = pipeline_->slot();
  p.index = index;
  p.offset = stop_.offset;
  if (!read_step(o, p)) return false;
  pipeline_->commit();
  return true;
}

bool Reader::finish_pipeline() {
  if (!pipeline_) return true;
  const bool built = pipeline_->finish();
  if (!built) stop_ = pipeline_->failure();
  pipeline_.reset();
  return built;
}

}  // namespace clearpath::clean
