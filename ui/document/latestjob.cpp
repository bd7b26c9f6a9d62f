#include "ui/document/latestjob.h"

#include <QThread>

#include <algorithm>

namespace bwi::ui {

int backgroundThreads() { return std::max(1, QThread::idealThreadCount() - 1); }

LatestJob::LatestJob(QObject *parent) : QObject(parent) { m_pool.setMaxThreadCount(1); }

LatestJob::~LatestJob() {
  cancel();
  m_pool.waitForDone();
}

std::shared_ptr<std::atomic<bool>> LatestJob::beginRun() {
  cancel();
  m_flag = std::make_shared<std::atomic<bool>>(false);
  ++m_latest;
  ++m_started;
  m_running = true;
  return m_flag;
}

void LatestJob::cancel() {
  if (m_flag && m_running) {
    m_flag->store(true);
    ++m_cancelled;
  }
  m_running = false;
}

} // namespace bwi::ui
