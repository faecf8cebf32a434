export { UsersModule } from './users.module';
export { UsersService } from './users.service';
export { CreateUserRequest, UserDto } from './users.dto';
export { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from './passwords';
