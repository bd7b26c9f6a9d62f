#pragma once

#include "core/analysis/commitmentplanner.h"
#include "core/analysis/optimizedproposal.h"
#include "core/analysis/planvsactual.h"
#include "core/analysis/scenariocomparison.h"
#include "core/model/ratecard.h"
#include "core/model/scenario.h"
#include "core/report/meetingsummary.h"
#include "core/report/onepager.h"
#include "core/report/workbenchfigures.h"
#include "ui/export/chartexport.h"

#include <QDate>
#include <QString>

#include <atomic>
#include <functional>
#include <optional>

namespace bwi::ui {

// Everything the meeting pack shows beyond the workbench's figures: the
// commitment planner's plan, the summary, the optimizer's proposal and the
// one-pager. Plain core values: the window computes them off the GUI thread
// (the planner alone takes over 100 ms), the command line in place.
struct PackFigures {
  std::optional<core::CommitmentPlan> plan;
  core::MeetingSummary summary;
  core::OptimizedProposal proposal;
  core::Comparison optimized; // the scenario against the proposal
  core::OnePager onePager;
};

// nullopt when `cancel` is set while it runs. `actuals`: the Plan vs actual
// tab's figures when a bill is loaded (the one-pager then takes the bill's
// movers); `threads` for the planner (0: every core).
std::optional<PackFigures> computePackFigures(const core::Scenario &scenario,
                                              const core::RateCard &card,
                                              const core::WorkbenchFigures &workbench,
                                              const core::PlanVsActual *actuals = nullptr,
                                              const std::atomic<bool> *cancel = nullptr,
                                              int threads = 0);

// Told after each page is drawn: pages done, pages in all.
using PackProgress = std::function<void(int page, int total)>;

// The meeting pack: one vector PDF a procurement lead can take into the
// room. Page 1 is the one-pager a board reads (the decision asked for,
// spend against the budget, cost per unit against target, the top movers,
// the forecast against the budget); the detail follows: the summary with the
// commitment advice, every chart, the optimizer's proposal, the workloads,
// the assumptions and the rate-card excerpt with sources, each page
// numbered and traced to the scenario and its dated rate card. Draws on the
// GUI thread (charts are widgets).
ExportResult writeMeetingPack(const core::Scenario &scenario, const core::RateCard &card,
                              const core::WorkbenchFigures &workbench, const PackFigures &figures,
                              const QString &path, const QDate &today,
                              const PackProgress &progress = {});

// The same, computing the figures first (the command line, tests).
ExportResult writeMeetingPack(const core::Scenario &scenario, const core::RateCard &card,
                              const core::WorkbenchFigures &workbench, const QString &path,
                              const QDate &today);

// The first page's text beside its chart, as HTML (tests read it).
QString onePagerHtml(const core::OnePager &page);

} // namespace bwi::ui
