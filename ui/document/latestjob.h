#pragma once

#include <QObject>
#include <QThreadPool>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace bwi::ui {

// The threads a computation off the GUI thread may use: every core but one, which stays
// with the GUI thread so that sliders keep moving while it runs (at least one).
int backgroundThreads();

// Runs a computation off the GUI thread and hands over only the result of
// the latest start: starting again sets the cancel flag of the run in
// flight (core's long computations poll it), and a result that arrives for
// an older start is dropped, so a stale figure never reaches the screen.
// Runs go one at a time on a pool of their own; the destructor cancels and
// waits, so no run outlives the object it reports to.
class LatestJob : public QObject {
  Q_OBJECT

public:
  explicit LatestJob(QObject *parent = nullptr);
  ~LatestJob() override;

  // `work` runs on the pool with the run's cancel flag and returns nullopt
  // when cancelled; `deliver` then runs on this object's thread, only if no
  // later start or cancel() came in between.
  template <typename Result>
  void start(std::function<std::optional<Result>(const std::atomic<bool> &cancel)> work,
             std::function<void(Result &&)> deliver) {
    auto flag = beginRun();
    const int run = m_latest;
    m_pool.start([this, flag, run, work = std::move(work), deliver = std::move(deliver)] {
      std::optional<Result> result;
      if (!flag->load())
        result = work(*flag);
      if (!result || flag->load())
        return;
      QMetaObject::invokeMethod(
          this,
          [this, run, flag, result = std::make_shared<Result>(std::move(*result)), deliver] {
            if (run != m_latest || flag->load())
              return; // a later start or a cancel came in while it ran
            m_running = false;
            deliver(std::move(*result));
          },
          Qt::QueuedConnection);
    });
  }

  // Stops the run in flight; its result is never delivered.
  void cancel();
  bool running() const { return m_running; }
  int startedRuns() const { return m_started; }
  int cancelledRuns() const { return m_cancelled; } // started, then superseded or cancelled

private:
  std::shared_ptr<std::atomic<bool>> beginRun();

  QThreadPool m_pool;
  std::shared_ptr<std::atomic<bool>> m_flag;
  int m_latest = 0;
  int m_started = 0;
  int m_cancelled = 0;
  bool m_running = false;
};

} // namespace bwi::ui
