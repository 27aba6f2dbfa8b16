import type { HandlerMap, MethodsOf } from '../services/handlerMap';
import { supplyForecast } from './forecast';
import { exportRequest } from './forecastRequest';
import { listNorms, setNorms } from './norms';

/** Supply: consumption norms, the forecast and the request to the district. */
export const supplyHandlers: HandlerMap<MethodsOf<'supply'>> = {
  'supply.norms': listNorms,
  'supply.setNorms': setNorms,
  'supply.forecast': supplyForecast,
  'supply.requestExport': exportRequest,
};
