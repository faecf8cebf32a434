import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LedgerYear } from '../api/get-fund-ledger';
import { useFigures } from '../../../lib/figures';
import { LEDGER_FIGURES } from '../lib/ledger-figures';
import { ScrollTable } from '../../../components/ScrollTable';

/** The ledger year by year, as a table (behind the ledger's "show as a table"). */
export function LedgerTable({ years }: { years: (LedgerYear & { year: number })[] }) {
  const { t } = useTranslation();
  const { usd, year } = useFigures();
  return (
    <ScrollTable minWidth={560} label={t('dashboard.ledger.title')}>
      <Table striped withTableBorder fz="sm">
        <Table.Caption>{t('dashboard.ledger.tableCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('dashboard.common.year')}</Table.Th>
            {LEDGER_FIGURES.map((figure) => (
              <Table.Th key={figure} scope="col" ta="end">
                {t(`dashboard.ledger.${figure}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {years.map((entry) => (
            <Table.Tr key={entry.year}>
              <Table.Th scope="row" fw={500}>
                {year(entry.year)}
              </Table.Th>
              {LEDGER_FIGURES.map((figure) => (
                <Table.Td key={figure} ta="end" style={{ whiteSpace: 'nowrap' }}>
                  {usd(entry[figure])}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
