import { Anchor, Box, Group, Stack, Text, ThemeIcon } from '@mantine/core';
import type { Icon } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** How a kind of alert looks: its icon, and its text colour on its own tint. */
export interface AlertLook {
  icon: Icon;
  color: string;
  background: string;
}

interface AlertRowProps {
  look: AlertLook;
  /** What is wrong, in one sentence. */
  message: ReactNode;
  project: { projectId: string; projectCode: string; projectTitle: string };
  /** Said between the project's code and its title (the consent alerts give the stage). */
  aside?: ReactNode;
  /** What can be done about it, under the project (a proposed suspension). */
  children?: ReactNode;
}

/** One alert of the overview's lists: its icon on its tint, what is wrong, and the project it is about. */
export function AlertRow({ look, message, project, aside, children }: AlertRowProps) {
  const Icon = look.icon;
  return (
    <Box
      component="li"
      p="xs"
      style={{ borderRadius: 'var(--mantine-radius-md)', background: look.background }}
    >
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <ThemeIcon color={look.color} variant="transparent" size={24} aria-hidden="true" mt={2}>
          <Icon size={20} />
        </ThemeIcon>
        <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
          <Text size="sm" fw={600} lh={1.35}>
            {message}
          </Text>
          <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
            <Anchor
              component={Link}
              to={`/projects/${project.projectId}`}
              size="sm"
              fw={600}
              style={{ whiteSpace: 'nowrap' }}
              dir="ltr"
            >
              {project.projectCode}
            </Anchor>
            {aside}
            <Text size="sm" truncate="end" c="dark.6" title={project.projectTitle}>
              {project.projectTitle}
            </Text>
          </Group>
          {children}
        </Stack>
      </Group>
    </Box>
  );
}
