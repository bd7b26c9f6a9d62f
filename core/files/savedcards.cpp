#include "core/files/savedcards.h"

#include "core/files/scenariofile.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace bwi::core {
namespace {

bool isDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-')
    return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!std::isdigit(static_cast<unsigned char>(text[i])))
      return false;
  return true;
}

} // namespace

std::string savedCardFileName(const RateCard &card) {
  return (card.region.empty() ? std::string("region") : card.region) + "-" + card.asOf + ".json";
}

std::vector<SavedCard> listSavedCards(const std::string &folder) {
  std::vector<SavedCard> cards;
  std::error_code error;
  for (auto it = std::filesystem::directory_iterator(folder, error);
       !error && it != std::filesystem::directory_iterator(); it.increment(error)) {
    const std::string name = it->path().filename().string();
    if (!it->is_regular_file(error) || !name.ends_with(".json") || name.size() < 17)
      continue;
    const std::string stem = name.substr(0, name.size() - 5);
    const std::string date = stem.substr(stem.size() - 10);
    const std::string region = stem.substr(0, stem.size() - 11);
    if (!isDate(date) || stem[stem.size() - 11] != '-' || region.empty())
      continue;
    cards.push_back({it->path().string(), region, date});
  }
  std::sort(cards.begin(), cards.end(), [](const SavedCard &a, const SavedCard &b) {
    return a.region != b.region ? a.region < b.region : a.asOf > b.asOf;
  });
  return cards;
}

std::optional<RateCard> newestSavedCard(const std::string &folder, const std::string &region) {
  for (const SavedCard &saved : listSavedCards(folder)) {
    if (saved.region != region)
      continue;
    ValidationIssues issues;
    if (auto card = loadRateCardFile(saved.path, issues))
      return card;
  }
  return std::nullopt;
}

} // namespace bwi::core
