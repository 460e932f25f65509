/// <reference lib="dom" />
/**
 * Chart.js for the Show Patterns panel, in its own file (dist/patterns-charts.js): the panel
 * draws its first view without it and loads this afterwards for the charts further down
 * (month by month, days to a first return, feedback). It hands the library to the panel's
 * script through one property of the page's window.
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Tooltip, Legend);

(window as unknown as { attuneChart: typeof Chart }).attuneChart = Chart;
