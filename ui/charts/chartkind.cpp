#include "ui/charts/chartkind.h"

namespace bwi::ui {
namespace {

struct ChartEntry {
  ChartKind kind;
  const char *name;
};
constexpr ChartEntry kCharts[] = {{ChartKind::Volume, "volume"},
                                  {ChartKind::Commitment, "units"},
                                  {ChartKind::Breakdown, "breakdown"},
                                  {ChartKind::Forecast, "forecast"},
                                  {ChartKind::Load, "load"},
                                  {ChartKind::Waterfall, "waterfall"},
                                  {ChartKind::Compare, "compare"},
                                  {ChartKind::Tornado, "tornado"},
                                  {ChartKind::Planner, "planner"},
                                  {ChartKind::UnitCost, "unit-cost"},
                                  {ChartKind::Escalation, "escalation"},
                                  {ChartKind::Calendar, "calendar"}};

} // namespace

bool isComparisonChart(ChartKind kind) {
  return kind == ChartKind::Waterfall || kind == ChartKind::Compare;
}

std::optional<ChartKind> chartKindFromName(const QString &name) {
  for (const ChartEntry &entry : kCharts)
    if (name == QLatin1String(entry.name))
      return entry.kind;
  return std::nullopt;
}

QString chartKindName(ChartKind kind) {
  for (const ChartEntry &entry : kCharts)
    if (entry.kind == kind)
      return QLatin1String(entry.name);
  return {};
}

QStringList chartKindNames() {
  QStringList names;
  for (const ChartEntry &entry : kCharts)
    names.append(QLatin1String(entry.name));
  return names;
}

} // namespace bwi::ui
