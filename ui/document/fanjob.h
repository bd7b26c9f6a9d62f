#pragma once

#include "core/forecast/forecast.h"
#include "core/model/ratecard.h"
#include "core/model/scenario.h"
#include "core/report/workbenchfigures.h"

#include <QObject>

#include <optional>

namespace bwi::ui {

class ForecastChartView;
class LatestJob;
class ScenarioDocument;

// The Monte Carlo fan of the document's scenario (core's addMonteCarloFan),
// computed off the GUI thread: each edit cancels the run in flight and
// starts another, and only the fan of the scenario as it stands now is ever
// handed out. Where the volume is the only uncertain lever, the workbench's
// exact band needs no run. The document owns one (ScenarioDocument::fanJob)
// and hands it to every panel that draws the forecast.
class FanJob : public QObject {
  Q_OBJECT

public:
  explicit FanJob(ScenarioDocument *document);

  // The document calls it after every change, before it tells anyone else
  // (scenarioChanged): no slot can ask for the fan of figures the job has
  // not seen.
  void documentChanged();

  // Whether the scenario needs Monte Carlo (levers other than volume are uncertain).
  bool monteCarlo() const { return m_monteCarlo; }
  // The forecast to draw: the workbench's when no Monte Carlo is needed;
  // otherwise the finished fan of the current scenario, or nullptr while it
  // is being computed.
  const core::Forecast *forecast() const;
  bool computing() const;
  const LatestJob &job() const { return *m_job; }
  LatestJob &job() { return *m_job; }

signals:
  // A fan finished for the current scenario. (An edit withdraws the old
  // one before the document's scenarioChanged.)
  void fanChanged();

private:
  ScenarioDocument *m_document;
  LatestJob *m_job;
  bool m_monteCarlo = false;
  // What the fan shown or in flight belongs to: an edit that leaves both as
  // they were (the month shown, the selected model) keeps it.
  std::optional<core::Scenario> m_scenario;
  core::RateCard m_card;
  std::optional<core::Forecast> m_fan;
};

// Draws the forecast with its fan when the fan is ready, else without it,
// saying that it is being computed.
void showForecastWithFan(ForecastChartView &chart, const FanJob &fan,
                         const core::WorkbenchFigures &workbench);

} // namespace bwi::ui
