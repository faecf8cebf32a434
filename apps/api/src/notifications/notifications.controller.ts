import { Body, Controller, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ALL_ROLES, Authenticated } from '../common/access/access.decorators';
import { Ctx, RequestContext } from '../common/request-context/request-context';
import { ReadRoute, UuidParam } from '../common/routes/route.decorators';
import {
  MarkedReadDto,
  NotificationDto,
  NotificationPage,
  NotificationQuery,
  NotificationSettingsDto,
  UnreadCountDto,
  UpdateNotificationSettingsRequest,
} from './notifications.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@Controller('v1/notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @ReadRoute(NotificationPage, { summary: 'My notifications, newest first', roles: ALL_ROLES })
  list(@Ctx() ctx: RequestContext, @Query() query: NotificationQuery): Promise<NotificationPage> {
    return this.notifications.list(ctx, query);
  }

  @ReadRoute(UnreadCountDto, {
    path: 'unread',
    summary: 'How many of my notifications are unread',
    roles: ALL_ROLES,
  })
  async unread(@Ctx() ctx: RequestContext): Promise<UnreadCountDto> {
    return { unread: await this.notifications.unread(ctx) };
  }

  @ReadRoute(NotificationSettingsDto, {
    path: 'settings',
    summary: 'My language and how I receive each kind of notification',
    roles: ALL_ROLES,
  })
  settings(@Ctx() ctx: RequestContext): Promise<NotificationSettingsDto> {
    return this.notifications.settings(ctx);
  }

  @Patch('settings')
  @Authenticated(...ALL_ROLES)
  @ApiOperation({ summary: 'Change my language or how I receive some kinds of notification' })
  @ApiOkResponse({ type: NotificationSettingsDto })
  updateSettings(
    @Ctx() ctx: RequestContext,
    @Body() body: UpdateNotificationSettingsRequest,
  ): Promise<NotificationSettingsDto> {
    return this.notifications.updateSettings(ctx, body);
  }

  @Post('read')
  @HttpCode(200)
  @Authenticated(...ALL_ROLES)
  @ApiOperation({ summary: 'Mark all my notifications read' })
  @ApiOkResponse({ type: MarkedReadDto })
  markAllRead(@Ctx() ctx: RequestContext): Promise<MarkedReadDto> {
    return this.notifications.markAllRead(ctx);
  }

  @Post(':id/read')
  @HttpCode(200)
  @Authenticated(...ALL_ROLES)
  @ApiOperation({ summary: 'Mark one of my notifications read' })
  @ApiOkResponse({ type: NotificationDto })
  @ApiNotFoundResponse({ description: 'No such notification of mine' })
  markRead(@Ctx() ctx: RequestContext, @UuidParam() id: string): Promise<NotificationDto> {
    return this.notifications.markRead(ctx, id);
  }
}
