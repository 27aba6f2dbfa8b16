import { useTranslation } from 'react-i18next';
import type { PersonDetail } from '@shared/residents';
import { call } from '@renderer/api/client';
import { ConflictDialog } from '@renderer/components/ConflictDialog';
import { FormDialog } from '@renderer/components/FormDialog';
import { conflictOf, useVersionedWrite } from '@renderer/components/useVersionedWrite';
import { errorText } from '@renderer/i18n/errorText';
import { useNotify } from '@renderer/notify';

/**
 * Fills in the birth date an arrivals list did not give, on the version of the person the page
 * showed when it opened: when another desk saved the person since, the conflict dialog shows
 * their date beside the one typed here.
 */
export function BirthDateDialog(props: {
  open: boolean;
  person: PersonDetail;
  onDone: () => void;
  onClose: () => void;
}) {
  return props.open ? <Opened {...props} /> : null;
}

function Opened({ person, onDone, onClose }: Parameters<typeof BirthDateDialog>[0]) {
  const { t } = useTranslation();
  const notify = useNotify();
  const versioned = useVersionedWrite<PersonDetail, string>(person.version);
  const conflict = versioned.conflict;
  return (
    <>
      <FormDialog
        open
        title={t('person.setBirthDate')}
        fields={[
          // Typed as the keyboard grid takes it: YYYY-MM-DD.
          {
            name: 'birthDate',
            label: `${t('people.birthDate')} (YYYY-MM-DD)`,
            initial: '',
            required: true,
          },
        ]}
        onSubmit={(v) =>
          versioned.write(v.birthDate ?? '', (birthDate, expectedVersion) =>
            call('people.setBirthDate', { personId: person.id, birthDate, expectedVersion }),
          )
        }
        onDone={onDone}
        onClose={onClose}
      />
      <ConflictDialog
        current={conflict?.current ?? null}
        rows={
          conflict
            ? [
                {
                  label: t('people.birthDate'),
                  theirs: conflict.current.record.birthDate ?? t('person.birthDateUnknown'),
                  yours: conflict.mine,
                },
              ]
            : []
        }
        onUseTheirs={() => {
          versioned.takeTheirs();
          onClose();
        }}
        onKeepMine={() =>
          void versioned.keepMine().then(onDone, (error: unknown) => {
            // A second conflict reopens the dialog; any other refusal is said here.
            if (!conflictOf(error)) notify(errorText(t, error), 'error');
          })
        }
      />
    </>
  );
}
