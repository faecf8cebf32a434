export { StrategiesService } from './strategies.service';
export { CreateNationalStrategyRequest } from './strategies.dto';
