#pragma once

#include <QAbstractTableModel>

namespace bwi::ui {

// A table whose rows mirror a list in the document by position. On every
// document change the row count is brought in line (rows added or removed
// at the end) and every cell refreshed in place, so column widths, the
// current cell and an open editor survive the edit that caused it.
class RowSyncTableModel : public QAbstractTableModel {
public:
  using QAbstractTableModel::QAbstractTableModel;

  int rowCount(const QModelIndex &parent = {}) const override {
    return parent.isValid() ? 0 : m_rows;
  }

protected:
  void syncRows(int rows, int columns) {
    if (rows > m_rows) {
      beginInsertRows({}, m_rows, rows - 1);
      m_rows = rows;
      endInsertRows();
    } else if (rows < m_rows) {
      beginRemoveRows({}, rows, m_rows - 1);
      m_rows = rows;
      endRemoveRows();
    }
    if (rows > 0)
      emit dataChanged(index(0, 0), index(rows - 1, columns - 1));
  }
  int rows() const { return m_rows; }

private:
  int m_rows = 0;
};

} // namespace bwi::ui
