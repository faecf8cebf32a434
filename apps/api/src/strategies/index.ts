export { StrategiesService } from './strategies.service';
export { CreateNationalStrategyRequest, UpdateNationalStrategyRequest } from './strategies.dto';
