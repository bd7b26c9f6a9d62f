#include "ui/document/fanjob.h"

#include "core/forecast/uncertainty.h"
#include "ui/charts/forecastchartview.h"
#include "ui/document/latestjob.h"
#include "ui/document/scenariodocument.h"

namespace bwi::ui {

FanJob::FanJob(ScenarioDocument *document)
    : QObject(document), m_document(document), m_job(new LatestJob(this)) {
  setObjectName(QStringLiteral("fanJob"));
  documentChanged();
}

const core::Forecast *FanJob::forecast() const {
  if (!m_monteCarlo)
    return &m_document->workbench().forecast;
  return m_fan ? &*m_fan : nullptr;
}

bool FanJob::computing() const { return m_monteCarlo && !m_fan; }

void FanJob::documentChanged() {
  const core::Scenario &scenario = m_document->scenario();
  m_monteCarlo = !core::leverDistributions(scenario.forecast).onlyVolume();
  if (!m_monteCarlo) {
    m_job->cancel();
    m_scenario.reset();
    m_fan.reset();
    return;
  }
  if (m_scenario && *m_scenario == scenario && m_card == m_document->rateCard())
    return; // the same figures: the fan shown or in flight stays
  m_scenario = scenario;
  m_card = m_document->rateCard();
  m_fan.reset();
  const int threads = backgroundThreads();
  m_job->start<core::Forecast>(
      [prepared = m_document->prepared(), deterministic = m_document->workbench().forecast,
       threads](const std::atomic<bool> &cancel) -> std::optional<core::Forecast> {
        core::Forecast fan = deterministic;
        core::ForecastOptions options;
        options.threads = threads;
        options.cancel = &cancel;
        if (!core::addMonteCarloFan(fan, prepared, 1.0, options))
          return std::nullopt;
        return fan;
      },
      [this](core::Forecast &&fan) {
        m_fan = std::move(fan);
        emit fanChanged();
      });
}

void showForecastWithFan(ForecastChartView &chart, const FanJob &fan,
                         const core::WorkbenchFigures &workbench) {
  if (const core::Forecast *forecast = fan.forecast())
    chart.showForecast(*forecast);
  else
    chart.showForecast(workbench.forecast, QObject::tr("band: Monte Carlo fan being computed…"));
}

} // namespace bwi::ui
