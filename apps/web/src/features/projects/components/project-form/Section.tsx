import { Paper, Stack, Text, Title } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { ReactNode } from 'react';
import type { ProjectFormValues } from '../../lib/project-form';

/** What every part of the project form is given: the form's values and the errors to show on them. */
export interface ProjectFormPartProps {
  form: UseFormReturnType<ProjectFormValues>;
  /** Field errors by path: the client's checks and the API's problem+json errors. */
  errors: Record<string, string>;
}

export function Section({
  id,
  title,
  description,
  children,
}: {
  id: string;
  title: string;
  description?: string;
  children: ReactNode;
}) {
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby={id}>
      <Title order={2} fz="lg" id={id} mb={description ? 4 : 'md'}>
        {title}
      </Title>
      {description ? (
        <Text size="sm" c="dimmed" mb="md">
          {description}
        </Text>
      ) : null}
      <Stack gap="md">{children}</Stack>
    </Paper>
  );
}
